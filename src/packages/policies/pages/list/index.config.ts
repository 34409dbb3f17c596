import { titleOf } from '../../../../domain/manifest'

export default definePageConfig({
  navigationBarTitleText: titleOf('packages/policies/pages/list/index'),
  enablePullDownRefresh: true,
})
