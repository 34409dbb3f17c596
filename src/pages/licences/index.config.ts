export default definePageConfig({ navigationBarTitleText: '证照', enablePullDownRefresh: true })
