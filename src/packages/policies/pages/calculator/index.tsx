import { useEnterpriseContext } from '../../../../core/enterpriseContext'
import { PageShell } from '../../../../core/PageShell'
import { ROUTES } from '../../../../core/routes'
import { useSession } from '../../../../core/session'
import { CalculatorScreen } from '../../../../features/policies/CalculatorScreen'
import { judgedEnterprise } from '../../../../features/policies/judgedEnterprise'
import { usePageParams } from '../../../../platform/lifecycle'
import { navigateTo } from '../../../../platform/navigation'

export default function PolicyCalculatorPage() {
  const { enterpriseId: askedId } = usePageParams()
  const signedIn = useSession((s) => s.token !== null)
  const enterprises = useEnterpriseContext((s) => s.enterprises)
  const currentId = useEnterpriseContext((s) => s.currentId)
  const { enterprise } = judgedEnterprise(signedIn, enterprises, currentId, askedId)
  return (
    <PageShell>
      <CalculatorScreen
        enterpriseId={enterprise?.id ?? null}
        enterpriseName={enterprise?.name ?? null}
        onOpen={(id) => navigateTo(ROUTES.policyDetail, { id })}
      />
    </PageShell>
  )
}
