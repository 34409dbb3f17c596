import { titleOf } from '../../domain/manifest'

export default definePageConfig({ navigationBarTitleText: titleOf('pages/login/index') })
