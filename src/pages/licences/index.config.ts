import { titleOf } from '../../manifest'

export default definePageConfig({
  navigationBarTitleText: titleOf('pages/licences/index'),
  enablePullDownRefresh: true,
})
