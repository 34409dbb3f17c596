import { useEnterpriseContext } from '../../../../core/enterpriseContext'
import { PageShell } from '../../../../core/PageShell'
import { SignInRequired } from '../../../../core/SignInRequired'
import { SealAuditScreen } from '../../../../features/seals/SealAuditScreen'
import { usePageParams } from '../../../../platform/lifecycle'
import { StatusView } from '../../../../ui/StatusView'

/**
 * 用章记录 of the enterprise a 用章提醒 names (?enterpriseId=), else of the current one (its legal
 * representative only; the server refuses others).
 */
export default function SealAuditPage() {
  const { enterpriseId: askedId } = usePageParams()
  const currentId = useEnterpriseContext((s) => s.currentId)
  const enterpriseId = askedId || currentId
  return (
    <PageShell>
      <SignInRequired reason='登录后即可查看用章记录'>
        {enterpriseId ? (
          <SealAuditScreen key={enterpriseId} enterpriseId={enterpriseId} />
        ) : (
          <StatusView kind='empty' text='尚未选择企业' hint='请先在「我的」中选择企业' />
        )}
      </SignInRequired>
    </PageShell>
  )
}
