import { PageShell } from '../../../../core/PageShell'
import { SignInRequired } from '../../../../core/SignInRequired'
import { ComplaintQueryScreen } from '../../../../features/complaints/ComplaintQueryScreen'

export default function ComplaintQueryPage() {
  return (
    <PageShell>
      <SignInRequired>
        <ComplaintQueryScreen />
      </SignInRequired>
    </PageShell>
  )
}
