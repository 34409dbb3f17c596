export default definePageConfig({ navigationBarTitleText: '用章报告' })
