import { PageShell } from '../../../../core/PageShell'
import { SignInRequired } from '../../../../core/SignInRequired'
import { ComplaintQueryScreen } from '../../../../features/complaints/ComplaintQueryScreen'

export default function ComplaintQueryPage() {
  return (
    <PageShell>
      {/* The server answers a query code only within a session (the submitter signs in, the case is
          anonymous to the department), so this page asks for sign-in too. */}
      <SignInRequired reason='登录后即可凭查询码查看匿名诉求的办理进展'>
        <ComplaintQueryScreen />
      </SignInRequired>
    </PageShell>
  )
}
