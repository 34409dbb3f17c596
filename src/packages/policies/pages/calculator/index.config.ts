import { titleOf } from '../../../../manifest'

export default definePageConfig({ navigationBarTitleText: titleOf('packages/policies/pages/calculator/index') })
