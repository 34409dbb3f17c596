import { titleOf } from '../../domain/manifest'

export default definePageConfig({ navigationBarTitleText: titleOf('pages/inbox/index'), enablePullDownRefresh: true })
