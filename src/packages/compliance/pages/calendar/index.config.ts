export default definePageConfig({ navigationBarTitleText: '合规日历' })
