export default definePageConfig({ navigationBarTitleText: '订阅到日历' })
