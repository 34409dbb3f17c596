import { titleOf } from '../../../../manifest'

export default definePageConfig({
  navigationBarTitleText: titleOf('packages/complaints/pages/detail/index'),
  enablePullDownRefresh: true,
})
