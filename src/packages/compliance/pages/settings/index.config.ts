import { titleOf } from '../../../../domain/manifest'

export default definePageConfig({ navigationBarTitleText: titleOf('packages/compliance/pages/settings/index') })
