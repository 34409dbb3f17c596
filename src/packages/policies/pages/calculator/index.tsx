import { useEnterpriseContext } from '../../../../core/enterpriseContext'
import { PageShell } from '../../../../core/PageShell'
import { ROUTES } from '../../../../core/routes'
import { useSession } from '../../../../core/session'
import { CalculatorScreen } from '../../../../features/policies/CalculatorScreen'
import { navigateTo } from '../../../../platform/navigation'

export default function PolicyCalculatorPage() {
  const signedIn = useSession((s) => s.token !== null)
  const enterpriseId = useEnterpriseContext((s) => s.currentId)
  return (
    <PageShell>
      <CalculatorScreen
        enterpriseId={signedIn ? enterpriseId : null}
        onOpen={(id) => navigateTo(ROUTES.policyDetail, { id })}
      />
    </PageShell>
  )
}
