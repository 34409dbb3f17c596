import { titleOf } from '../../../../manifest'

export default definePageConfig({ navigationBarTitleText: titleOf('packages/licences/pages/form/index') })
