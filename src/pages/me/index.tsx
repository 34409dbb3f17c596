import { PageShell } from '../../core/PageShell'
import { PublicEntries } from '../../core/PublicEntries'
import { ROUTES } from '../../core/routes'
import { useSession } from '../../core/session'
import { SignInRequired } from '../../core/SignInRequired'
import { MeScreen } from '../../features/account/MeScreen'
import { EnterpriseSwitcher } from '../../features/enterprise/EnterpriseSwitcher'
import { navigateTo } from '../../platform/navigation'

export default function MePage() {
  const signedIn = useSession((s) => s.token !== null)
  return (
    <PageShell>
      {signedIn ? (
        <EnterpriseSwitcher
          onFaceLink={() => navigateTo(ROUTES.face)}
          onInvite={() => navigateTo(ROUTES.inviteAccept)}
        />
      ) : (
        <SignInRequired reason='登录后管理企业、证照和电子印章，跟踪诉求进展'>{null}</SignInRequired>
      )}
      {signedIn ? null : <PublicEntries />}
      <MeScreen />
    </PageShell>
  )
}
