import { PageShell } from '../../../../core/PageShell'
import { ROUTES } from '../../../../core/routes'
import { SignInRequired } from '../../../../core/SignInRequired'
import { NewComplaintScreen } from '../../../../features/complaints/NewComplaintScreen'
import { back, redirectTo } from '../../../../platform/navigation'

export default function NewComplaintPage() {
  return (
    <PageShell>
      <SignInRequired reason='登录后即可提交诉求、查看办理进展'>
        <NewComplaintScreen
          onOpen={(id) => void redirectTo(ROUTES.complaintDetail, { id })}
          onDone={() => void back({ fallback: ROUTES.complaints })}
        />
      </SignInRequired>
    </PageShell>
  )
}
