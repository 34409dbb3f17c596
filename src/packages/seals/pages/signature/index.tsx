import { PageShell } from '../../../../core/PageShell'
import { ROUTES } from '../../../../core/routes'
import { SignInRequired } from '../../../../core/SignInRequired'
import { FaceVerifyPanel } from '../../../../features/face/FaceVerifyPanel'
import { SignatureClaimScreen } from '../../../../features/seals/SignatureClaimScreen'
import { back } from '../../../../platform/navigation'

/** 个人电子签名: claim one (hand-drawn or from the verified name) after face verification, or see one's own. */
export default function SignatureClaimPage() {
  return (
    <PageShell>
      <SignInRequired reason='登录后即可领取个人电子签名'>
        <SignatureClaimScreen FaceStep={FaceVerifyPanel} onDone={() => back({ fallback: ROUTES.workbench })} />
      </SignInRequired>
    </PageShell>
  )
}
