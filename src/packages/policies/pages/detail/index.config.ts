// enableShareAppMessage: WeChat shows 转发 and calls onShareAppMessage only when the page asks for it.
export default definePageConfig({ enableShareAppMessage: true })
