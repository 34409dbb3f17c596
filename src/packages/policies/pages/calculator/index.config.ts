import { titleOf } from '../../../../domain/manifest'

export default definePageConfig({ navigationBarTitleText: titleOf('packages/policies/pages/calculator/index') })
