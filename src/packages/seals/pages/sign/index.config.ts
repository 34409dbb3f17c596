import { titleOf } from '../../../../domain/manifest'

export default definePageConfig({ navigationBarTitleText: titleOf('packages/seals/pages/sign/index') })
