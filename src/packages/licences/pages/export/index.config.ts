export default definePageConfig({ navigationBarTitleText: '导出到日历' })
