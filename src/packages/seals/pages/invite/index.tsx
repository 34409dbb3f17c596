import { PageShell } from '../../../../core/PageShell'
import { ROUTES } from '../../../../core/routes'
import { SignInRequired } from '../../../../core/SignInRequired'
import { InviteAcceptScreen } from '../../../../features/seals/InviteAcceptScreen'
import { PendingGrants } from '../../../../features/seals/PendingGrants'
import { usePageParams } from '../../../../platform/lifecycle'
import { back } from '../../../../platform/navigation'

/**
 * 接受印章授权: grants made to my phone wait here for my yes; or I type the invite code (`?code=`
 * prefills it, e.g. from a link the legal representative shared).
 */
export default function InviteAcceptPage() {
  const { code } = usePageParams()
  return (
    <PageShell>
      <SignInRequired reason='登录后即可接受印章授权'>
        <PendingGrants />
        <InviteAcceptScreen initialCode={code} onViewSeals={() => back({ fallback: ROUTES.seals })} />
      </SignInRequired>
    </PageShell>
  )
}
