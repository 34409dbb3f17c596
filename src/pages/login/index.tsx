import { ElderModeSwitch } from '../../core/ElderModeSwitch'
import { PageShell } from '../../core/PageShell'
import { LoginScreen } from '../../features/account/LoginScreen'
import { usePageParams } from '../../platform/lifecycle'

export default function LoginPage() {
  const params = usePageParams()
  return (
    <PageShell>
      <LoginScreen redirect={params.redirect} />
      <ElderModeSwitch />
    </PageShell>
  )
}
