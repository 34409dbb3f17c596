export default definePageConfig({ navigationBarTitleText: '用章记录', enablePullDownRefresh: true })
