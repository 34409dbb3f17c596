import { titleOf } from '../../../../manifest'

export default definePageConfig({ navigationBarTitleText: titleOf('packages/seals/pages/invite/index') })
