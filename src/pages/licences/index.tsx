import { useEnterpriseContext } from '../../core/enterpriseContext'
import { PageShell } from '../../core/PageShell'
import { ROUTES } from '../../core/routes'
import { SignInRequired } from '../../core/SignInRequired'
import { NoEnterpriseCard } from '../../features/enterprise/NoEnterpriseCard'
import { exportCalendar } from '../../features/licences/exportCalendar'
import { LicenceListScreen } from '../../features/licences/LicenceListScreen'
import { useWallet } from '../../features/licences/walletStore'
import { toast } from '../../platform/feedback'
import { stopPullDownRefresh, usePageShow, usePullToRefresh } from '../../platform/lifecycle'
import { navigateTo } from '../../platform/navigation'

export default function LicencesPage() {
  const enterpriseId = useEnterpriseContext((s) => s.currentId)
  const refresh = () => (enterpriseId ? useWallet.getState().refresh(enterpriseId) : Promise.resolve())
  usePageShow(() => void refresh())
  usePullToRefresh(() => void refresh().finally(stopPullDownRefresh))

  const exportIcs = async () => {
    const items = enterpriseId ? (useWallet.getState().byEnterprise[enterpriseId]?.list.items ?? []) : []
    try {
      const saved = await exportCalendar(items)
      toast(saved.via === 'saved' ? `已保存到 ${saved.path}` : '日历文件已生成', 'success')
    } catch {
      toast('导出失败，请稍后重试', 'error')
    }
  }

  return (
    <PageShell>
      <SignInRequired reason='登录后查看企业的全部证照及续期时间'>
        {enterpriseId ? (
          <LicenceListScreen
            enterpriseId={enterpriseId}
            onOpen={(id) => navigateTo(ROUTES.licenceDetail, { id })}
            onAdd={() => navigateTo(ROUTES.licenceForm)}
            onExport={exportIcs}
          />
        ) : (
          <NoEnterpriseCard
            why='关联企业后，这里列出企业的全部证照和续期时间。'
            onFaceLink={() => navigateTo(ROUTES.face)}
            onInvite={() => navigateTo(ROUTES.inviteAccept)}
          />
        )}
      </SignInRequired>
    </PageShell>
  )
}
