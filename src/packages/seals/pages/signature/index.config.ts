export default definePageConfig({ navigationBarTitleText: '个人电子签名' })
