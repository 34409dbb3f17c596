export default definePageConfig({ navigationBarTitleText: '接受印章授权' })
