import { PageShell } from '../../core/PageShell'
import { useSession } from '../../core/session'
import { SignInRequired } from '../../core/SignInRequired'
import { MeScreen } from '../../features/account/MeScreen'
import { EnterpriseSwitcher } from '../../features/enterprise/EnterpriseSwitcher'

export default function MePage() {
  const signedIn = useSession((s) => s.token !== null)
  return (
    <PageShell>
      {signedIn ? <EnterpriseSwitcher /> : <SignInRequired>{null}</SignInRequired>}
      <MeScreen />
    </PageShell>
  )
}
