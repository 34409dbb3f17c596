export default definePageConfig({ navigationBarTitleText: '刷脸办事' })
