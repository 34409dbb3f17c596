import { titleOf } from '../../../../manifest'

export default definePageConfig({
  navigationBarTitleText: titleOf('packages/complaints/pages/list/index'),
  enablePullDownRefresh: true,
})
