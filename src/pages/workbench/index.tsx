import { useEnterpriseContext } from '../../core/enterpriseContext'
import { PageShell } from '../../core/PageShell'
import { ROUTES } from '../../core/routes'
import { SignInRequired } from '../../core/SignInRequired'
import { useSession } from '../../core/session'
import { CurrentEnterpriseCard } from '../../features/enterprise/CurrentEnterpriseCard'
import { CapabilityGrid } from '../../features/workbench/CapabilityGrid'
import { stopPullDownRefresh, usePageShow, usePullToRefresh } from '../../platform/lifecycle'
import { navigateTo, switchTab } from '../../platform/navigation'

export default function WorkbenchPage() {
  const refresh = () => (useSession.getState().token ? useEnterpriseContext.getState().load() : Promise.resolve())
  usePageShow(() => void refresh())
  usePullToRefresh(() => void refresh().finally(stopPullDownRefresh))

  return (
    <PageShell>
      <SignInRequired>
        <CurrentEnterpriseCard onOpen={() => navigateTo(ROUTES.enterprise)} onSwitch={() => switchTab(ROUTES.me)} />
        <CapabilityGrid onOpen={(c) => c.route && (c.tab ? switchTab(c.route) : navigateTo(c.route))} />
      </SignInRequired>
    </PageShell>
  )
}
