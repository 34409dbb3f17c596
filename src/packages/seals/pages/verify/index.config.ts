export default definePageConfig({ navigationBarTitleText: '验章' })
