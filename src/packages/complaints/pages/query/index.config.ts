export default definePageConfig({ navigationBarTitleText: '按查询码查询' })
