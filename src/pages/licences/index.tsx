import { useEnterpriseContext } from '../../core/enterpriseContext'
import { PageShell } from '../../core/PageShell'
import { ROUTES } from '../../core/routes'
import { SignInRequired } from '../../core/SignInRequired'
import { LicenceListScreen } from '../../features/licences/LicenceListScreen'
import { useWallet } from '../../features/licences/walletStore'
import { stopPullDownRefresh, usePageShow, usePullToRefresh } from '../../platform/lifecycle'
import { navigateTo } from '../../platform/navigation'
import { StatusView } from '../../ui/StatusView'

export default function LicencesPage() {
  const enterpriseId = useEnterpriseContext((s) => s.currentId)
  const refresh = () => (enterpriseId ? useWallet.getState().refresh(enterpriseId) : Promise.resolve())
  usePageShow(() => void refresh())
  usePullToRefresh(() => void refresh().finally(stopPullDownRefresh))

  return (
    <PageShell>
      <SignInRequired reason='登录后查看企业的全部证照及续期时间'>
        {enterpriseId ? (
          <LicenceListScreen
            enterpriseId={enterpriseId}
            onOpen={(id) => navigateTo(ROUTES.licenceDetail, { id })}
            onAdd={() => navigateTo(ROUTES.licenceForm)}
            onExport={() => navigateTo(ROUTES.licenceExport)}
          />
        ) : (
          <StatusView kind='empty' text='尚未选择企业' hint='请先在「我的」中选择企业' />
        )}
      </SignInRequired>
    </PageShell>
  )
}
