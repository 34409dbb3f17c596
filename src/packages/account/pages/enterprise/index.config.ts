import { titleOf } from '../../../../domain/manifest'

export default definePageConfig({ navigationBarTitleText: titleOf('packages/account/pages/enterprise/index') })
