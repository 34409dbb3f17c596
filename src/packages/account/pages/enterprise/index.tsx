import { PageShell } from '../../../../core/PageShell'
import { ROUTES } from '../../../../core/routes'
import { SignInRequired } from '../../../../core/SignInRequired'
import { EnterpriseProfileScreen } from '../../../../features/enterprise/EnterpriseProfileScreen'
import { navigateTo } from '../../../../platform/navigation'

export default function EnterprisePage() {
  return (
    <PageShell>
      <SignInRequired>
        <EnterpriseProfileScreen onComplianceSettings={() => void navigateTo(ROUTES.complianceSettings)} />
      </SignInRequired>
    </PageShell>
  )
}
