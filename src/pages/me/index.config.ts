import { titleOf } from '../../manifest'

export default definePageConfig({ navigationBarTitleText: titleOf('pages/me/index') })
