import { PageShell } from '../../../../core/PageShell'
import { ROUTES } from '../../../../core/routes'
import { SignInRequired } from '../../../../core/SignInRequired'
import { InviteAcceptScreen } from '../../../../features/seals/InviteAcceptScreen'
import { usePageParams } from '../../../../platform/lifecycle'
import { back } from '../../../../platform/navigation'

/** 经办人输入邀请码 (`?code=` prefills it, e.g. from a link the legal representative shared). */
export default function InviteAcceptPage() {
  const { code } = usePageParams()
  return (
    <PageShell>
      <SignInRequired reason='登录后即可接受印章授权'>
        <InviteAcceptScreen initialCode={code} onViewSeals={() => back({ fallback: ROUTES.seals })} />
      </SignInRequired>
    </PageShell>
  )
}
