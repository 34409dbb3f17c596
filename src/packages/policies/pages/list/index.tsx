import { useEnterpriseContext } from '../../../../core/enterpriseContext'
import { PageShell } from '../../../../core/PageShell'
import { ROUTES } from '../../../../core/routes'
import { useSession } from '../../../../core/session'
import { PolicyListScreen } from '../../../../features/policies/PolicyListScreen'
import { usePolicies } from '../../../../features/policies/policiesStore'
import { afterFirstContentfulPaint, beforeFirstContentfulPaint } from '../../../../platform/firstPaint'
import { stopPullDownRefresh, usePageShow, usePullToRefresh } from '../../../../platform/lifecycle'
import { navigateTo } from '../../../../platform/navigation'

async function refresh(): Promise<void> {
  const signedIn = useSession.getState().token !== null
  const enterpriseId = signedIn ? useEnterpriseContext.getState().currentId : null
  const policies = usePolicies.getState()
  await Promise.all([
    policies.openFor(enterpriseId),
    // 我的收藏 once shown: a policy saved or unsaved on the detail page is reflected on return.
    signedIn && policies.favourites !== null ? policies.loadFavourites() : Promise.resolve(),
  ])
}

// Stable across renders: the catalogue's cards are memoised on it (PolicyCard).
const openPolicy = (id: string) => navigateTo(ROUTES.policyDetail, { id })
const openCalculator = () => navigateTo(ROUTES.policyCalculator)

export default function PolicyListPage() {
  const signedIn = useSession((s) => s.token !== null)
  const enterpriseId = useEnterpriseContext((s) => s.currentId)
  // On an H5 cold start the catalogue is asked for after the first paint: a request started
  // before it is part of what a simulated phone (Lighthouse) waits for before the LCP.
  usePageShow(() => {
    if (beforeFirstContentfulPaint()) afterFirstContentfulPaint(() => void refresh())
    else void refresh()
  })
  usePullToRefresh(() => void refresh().finally(stopPullDownRefresh))

  return (
    <PageShell>
      <PolicyListScreen
        signedIn={signedIn}
        enterpriseId={signedIn ? enterpriseId : null}
        onOpen={openPolicy}
        onCalculator={openCalculator}
      />
    </PageShell>
  )
}
