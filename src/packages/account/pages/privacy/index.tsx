import { PageShell } from '../../../../core/PageShell'
import { PrivacyPolicyScreen } from '../../../../features/account/PrivacyPolicyScreen'

export default function PrivacyPage() {
  return (
    <PageShell>
      <PrivacyPolicyScreen />
    </PageShell>
  )
}
