import { useEnterpriseContext } from '../../core/enterpriseContext'
import { PageShell } from '../../core/PageShell'
import { ROUTES } from '../../core/routes'
import { SignInRequired } from '../../core/SignInRequired'
import { useSession } from '../../core/session'
import { CurrentEnterpriseCard } from '../../features/enterprise/CurrentEnterpriseCard'
import { LicenceSummaryCard } from '../../features/licences/LicenceSummaryCard'
import { licenceBadge, useWallet } from '../../features/licences/walletStore'
import { AutoBenefitCard } from '../../features/policies/AutoBenefitCard'
import { useAutoBenefits } from '../../features/policies/autoBenefitStore'
import { CapabilityGrid } from '../../features/workbench/CapabilityGrid'
import { stopPullDownRefresh, usePageShow, usePullToRefresh } from '../../platform/lifecycle'
import { navigateTo, switchTab } from '../../platform/navigation'

async function refresh(): Promise<void> {
  if (!useSession.getState().token) return
  await useEnterpriseContext.getState().load()
  const enterpriseId = useEnterpriseContext.getState().currentId
  if (enterpriseId)
    await Promise.all([useWallet.getState().refresh(enterpriseId), useAutoBenefits.getState().load(enterpriseId)])
}

export default function WorkbenchPage() {
  const enterpriseId = useEnterpriseContext((s) => s.currentId)
  const licences = useWallet((s) => licenceBadge(s, enterpriseId))
  usePageShow(() => void refresh())
  usePullToRefresh(() => void refresh().finally(stopPullDownRefresh))

  return (
    <PageShell>
      <SignInRequired>
        <CurrentEnterpriseCard onOpen={() => navigateTo(ROUTES.enterprise)} onSwitch={() => switchTab(ROUTES.me)} />
        {enterpriseId ? (
          <LicenceSummaryCard enterpriseId={enterpriseId} onOpen={() => switchTab(ROUTES.licences)} />
        ) : null}
        {enterpriseId ? (
          <AutoBenefitCard enterpriseId={enterpriseId} onOpen={(id) => navigateTo(ROUTES.policyDetail, { id })} />
        ) : null}
        <CapabilityGrid
          counts={{ licences }}
          onOpen={(c) => c.route && (c.tab ? switchTab(c.route) : navigateTo(c.route))}
        />
      </SignInRequired>
    </PageShell>
  )
}
