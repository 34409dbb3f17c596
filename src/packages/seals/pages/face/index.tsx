import { PageShell } from '../../../../core/PageShell'
import { ROUTES } from '../../../../core/routes'
import { SignInRequired } from '../../../../core/SignInRequired'
import { FaceScreen } from '../../../../features/face/FaceScreen'
import { back } from '../../../../platform/navigation'

export default function FacePage() {
  return (
    <PageShell>
      <SignInRequired reason='登录后即可刷脸办事'>
        <FaceScreen onDone={() => back({ fallback: ROUTES.workbench })} />
      </SignInRequired>
    </PageShell>
  )
}
