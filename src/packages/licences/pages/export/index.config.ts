import { titleOf } from '../../../../domain/manifest'

export default definePageConfig({ navigationBarTitleText: titleOf('packages/licences/pages/export/index') })
