import { PageShell } from '../../../../core/PageShell'
import { SignInRequired } from '../../../../core/SignInRequired'
import { ReminderSettingsScreen } from '../../../../features/licences/ReminderSettingsScreen'

export default function ReminderSettingsPage() {
  return (
    <PageShell>
      <SignInRequired>
        <ReminderSettingsScreen />
      </SignInRequired>
    </PageShell>
  )
}
