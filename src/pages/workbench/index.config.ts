import { titleOf } from '../../manifest'

export default definePageConfig({
  navigationBarTitleText: titleOf('pages/workbench/index'),
  enablePullDownRefresh: true,
})
