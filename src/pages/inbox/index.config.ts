import { titleOf } from '../../manifest'

export default definePageConfig({ navigationBarTitleText: titleOf('pages/inbox/index'), enablePullDownRefresh: true })
