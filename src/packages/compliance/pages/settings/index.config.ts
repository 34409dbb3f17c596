export default definePageConfig({ navigationBarTitleText: '税务设置与处罚记录' })
