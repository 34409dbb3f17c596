import { titleOf } from '../../../../domain/manifest'

export default definePageConfig({
  navigationBarTitleText: titleOf('packages/complaints/pages/list/index'),
  enablePullDownRefresh: true,
})
