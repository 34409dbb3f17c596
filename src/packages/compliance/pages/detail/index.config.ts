export default definePageConfig({ navigationBarTitleText: '期限详情' })
