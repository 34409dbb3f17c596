import { titleOf } from '../../../../domain/manifest'

// enableShareAppMessage: WeChat shows 转发 and calls onShareAppMessage only when the page asks for it.
export default definePageConfig({
  navigationBarTitleText: titleOf('packages/policies/pages/detail/index'),
  enableShareAppMessage: true,
})
