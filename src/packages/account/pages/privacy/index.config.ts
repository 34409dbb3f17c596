import { titleOf } from '../../../../manifest'

export default definePageConfig({ navigationBarTitleText: titleOf('packages/account/pages/privacy/index') })
