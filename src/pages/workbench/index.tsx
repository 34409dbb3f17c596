import { useEnterpriseContext } from '../../core/enterpriseContext'
import { PageShell } from '../../core/PageShell'
import { PublicEntries } from '../../core/PublicEntries'
import { ROUTES } from '../../core/routes'
import { useSession } from '../../core/session'
import { CurrentEnterpriseCard } from '../../features/enterprise/CurrentEnterpriseCard'
import { NoEnterpriseCard } from '../../features/enterprise/NoEnterpriseCard'
import { LicenceSummaryCard } from '../../features/licences/LicenceSummaryCard'
import { licenceBadge, useWallet } from '../../features/licences/walletStore'
import { AutoBenefitCard } from '../../features/policies/AutoBenefitCard'
import { useAutoBenefits } from '../../features/policies/autoBenefitStore'
import { CapabilityGrid } from '../../features/workbench/CapabilityGrid'
import { ComplianceCard } from '../../features/compliance/ComplianceCard'
import { useUpcomingCompliance } from '../../features/compliance/complianceStore'
import { stopPullDownRefresh, usePageShow, usePullToRefresh } from '../../platform/lifecycle'
import { navigateTo, switchTab } from '../../platform/navigation'

async function refresh(): Promise<void> {
  if (!useSession.getState().token) return
  await useEnterpriseContext.getState().load()
  void useUpcomingCompliance.getState().load()
  const enterpriseId = useEnterpriseContext.getState().currentId
  if (enterpriseId)
    await Promise.all([useWallet.getState().refresh(enterpriseId), useAutoBenefits.getState().load(enterpriseId)])
}

export default function WorkbenchPage() {
  const signedIn = useSession((s) => s.token !== null)
  const enterpriseId = useEnterpriseContext((s) => s.currentId)
  const noEnterprise = useEnterpriseContext((s) => s.status === 'ready' && s.enterprises.length === 0)
  const licences = useWallet((s) => licenceBadge(s, enterpriseId))
  // Once the 许证闹钟 summary card is on screen, the grid need not offer 许证闹钟 a second time.
  const walletShown = useWallet((s) => enterpriseId !== null && s.byEnterprise[enterpriseId] !== undefined)
  usePageShow(() => void refresh())
  usePullToRefresh(() => void refresh().finally(stopPullDownRefresh))

  // Signed out is not a wall: what needs no account is one tap away, signing in one choice among them.
  if (!signedIn) {
    return (
      <PageShell>
        <PublicEntries title='欢迎使用政企通' intro='以下服务无需登录即可使用：' signIn />
      </PageShell>
    )
  }
  return (
    <PageShell>
      <CurrentEnterpriseCard onOpen={() => navigateTo(ROUTES.enterprise)} onSwitch={() => switchTab(ROUTES.me)} />
      {noEnterprise ? (
        <NoEnterpriseCard onFaceLink={() => navigateTo(ROUTES.face)} onInvite={() => navigateTo(ROUTES.inviteAccept)} />
      ) : null}
      {enterpriseId ? (
        <LicenceSummaryCard enterpriseId={enterpriseId} onOpen={() => switchTab(ROUTES.licences)} />
      ) : null}
      <ComplianceCard onOpen={() => navigateTo(ROUTES.compliance)} />
      {enterpriseId ? (
        <AutoBenefitCard enterpriseId={enterpriseId} onOpen={(id) => navigateTo(ROUTES.policyDetail, { id })} />
      ) : null}
      <CapabilityGrid
        counts={{ licences }}
        without={walletShown ? ['licences'] : []}
        onOpen={(c) => c.route && (c.tab ? switchTab(c.route) : navigateTo(c.route))}
      />
    </PageShell>
  )
}
