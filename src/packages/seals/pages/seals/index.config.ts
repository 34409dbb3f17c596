export default definePageConfig({ navigationBarTitleText: '电子印章' })
