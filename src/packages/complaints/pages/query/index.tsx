import { PageShell } from '../../../../core/PageShell'
import { ComplaintQueryScreen } from '../../../../features/complaints/ComplaintQueryScreen'

export default function ComplaintQueryPage() {
  // Open signed out: an anonymous submitter follows the case with the query code alone.
  return (
    <PageShell>
      <ComplaintQueryScreen />
    </PageShell>
  )
}
