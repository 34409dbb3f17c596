import { PageShell } from '../../../../core/PageShell'
import { SignInRequired } from '../../../../core/SignInRequired'
import { EnterpriseProfileScreen } from '../../../../features/enterprise/EnterpriseProfileScreen'

export default function EnterprisePage() {
  return (
    <PageShell>
      <SignInRequired>
        <EnterpriseProfileScreen />
      </SignInRequired>
    </PageShell>
  )
}
