import { useEnterpriseContext } from '../../../../core/enterpriseContext'
import { PageShell } from '../../../../core/PageShell'
import { SignInRequired } from '../../../../core/SignInRequired'
import { SealReportsScreen } from '../../../../features/seals/SealReportsScreen'
import { usePageParams } from '../../../../platform/lifecycle'
import { StatusView } from '../../../../ui/StatusView'

/**
 * 用章报告 of the enterprise a notice names (?enterpriseId=&month=), else of the current one (its
 * legal representative only; the server refuses others).
 */
export default function SealReportsPage() {
  const { enterpriseId: askedId, month } = usePageParams()
  const currentId = useEnterpriseContext((s) => s.currentId)
  const enterpriseId = askedId || currentId
  return (
    <PageShell>
      <SignInRequired reason='登录后即可查看用章报告'>
        {enterpriseId ? (
          <SealReportsScreen key={`${enterpriseId}:${month ?? ''}`} enterpriseId={enterpriseId} month={month} />
        ) : (
          <StatusView kind='empty' text='尚未选择企业' hint='请先在「我的」中选择企业' />
        )}
      </SignInRequired>
    </PageShell>
  )
}
