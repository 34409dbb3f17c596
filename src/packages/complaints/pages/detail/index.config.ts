import { titleOf } from '../../../../domain/manifest'

export default definePageConfig({
  navigationBarTitleText: titleOf('packages/complaints/pages/detail/index'),
  enablePullDownRefresh: true,
})
