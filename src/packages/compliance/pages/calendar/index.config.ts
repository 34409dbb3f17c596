import { titleOf } from '../../../../manifest'

export default definePageConfig({ navigationBarTitleText: titleOf('packages/compliance/pages/calendar/index') })
