import { ElderModeSwitch } from '../../core/ElderModeSwitch'
import { PageShell } from '../../core/PageShell'
import { LoginScreen } from '../../features/account/LoginScreen'

export default function LoginPage() {
  return (
    <PageShell>
      <LoginScreen />
      <ElderModeSwitch />
    </PageShell>
  )
}
