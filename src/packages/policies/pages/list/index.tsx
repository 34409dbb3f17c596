import { useEnterpriseContext } from '../../../../core/enterpriseContext'
import { PageShell } from '../../../../core/PageShell'
import { ROUTES } from '../../../../core/routes'
import { useSession } from '../../../../core/session'
import { PolicyListScreen } from '../../../../features/policies/PolicyListScreen'
import { usePolicies } from '../../../../features/policies/policiesStore'
import { stopPullDownRefresh, usePageShow, usePullToRefresh } from '../../../../platform/lifecycle'
import { navigateTo } from '../../../../platform/navigation'

async function refresh(): Promise<void> {
  const enterpriseId = useSession.getState().token ? useEnterpriseContext.getState().currentId : null
  await Promise.all([
    usePolicies.getState().loadCatalogue(),
    enterpriseId ? usePolicies.getState().loadMatches(enterpriseId) : Promise.resolve(),
  ])
}

export default function PolicyListPage() {
  const signedIn = useSession((s) => s.token !== null)
  const enterpriseId = useEnterpriseContext((s) => s.currentId)
  usePageShow(() => void refresh())
  usePullToRefresh(() => void refresh().finally(stopPullDownRefresh))

  return (
    <PageShell>
      <PolicyListScreen
        signedIn={signedIn}
        enterpriseId={signedIn ? enterpriseId : null}
        onOpen={(id) => navigateTo(ROUTES.policyDetail, { id })}
        onCalculator={() => navigateTo(ROUTES.policyCalculator)}
      />
    </PageShell>
  )
}
