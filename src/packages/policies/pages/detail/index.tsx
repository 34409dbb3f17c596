import { useCallback, useRef } from 'react'
import type { PolicyView } from '../../../../contract/policies/schemas'
import { useEnterpriseContext } from '../../../../core/enterpriseContext'
import { PageShell } from '../../../../core/PageShell'
import { ROUTES } from '../../../../core/routes'
import { useSession } from '../../../../core/session'
import { judgedEnterprise } from '../../../../features/policies/judgedEnterprise'
import { PolicyDetailScreen } from '../../../../features/policies/PolicyDetailScreen'
import { usePageParams } from '../../../../platform/lifecycle'
import { navigateTo } from '../../../../platform/navigation'
import { useShareCard } from '../../../../platform/share'
import { StatusView } from '../../../../ui/StatusView'

export default function PolicyDetailPage() {
  const { id, enterpriseId: askedId } = usePageParams()
  const signedIn = useSession((s) => s.token !== null)
  const enterprises = useEnterpriseContext((s) => s.enterprises)
  const currentId = useEnterpriseContext((s) => s.currentId)
  const { enterprise, askedUnavailable } = judgedEnterprise(signedIn, enterprises, currentId, askedId)
  const enterpriseId = enterprise?.id ?? null
  const sharePath = `${ROUTES.policyDetail}?id=${encodeURIComponent(id ?? '')}`
  const title = useRef('惠企政策')
  const onLoaded = useCallback((view: PolicyView) => {
    title.current = view.policy.title
  }, [])
  useShareCard(() => ({ title: title.current, path: sharePath }))
  return (
    <PageShell>
      {id ? (
        <PolicyDetailScreen
          policyId={id}
          signedIn={signedIn}
          enterpriseId={enterpriseId}
          enterpriseName={enterprise?.name ?? null}
          askedUnavailable={askedUnavailable}
          sharePath={sharePath}
          onCalculator={() => navigateTo(ROUTES.policyCalculator, enterpriseId ? { enterpriseId } : undefined)}
          onLoaded={onLoaded}
        />
      ) : (
        <StatusView kind='error' text='链接缺少政策编号，请返回政策列表重新打开' />
      )}
    </PageShell>
  )
}
