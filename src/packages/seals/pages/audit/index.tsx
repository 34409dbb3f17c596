import { useEnterpriseContext } from '../../../../core/enterpriseContext'
import { PageShell } from '../../../../core/PageShell'
import { SignInRequired } from '../../../../core/SignInRequired'
import { SealAuditScreen } from '../../../../features/seals/SealAuditScreen'
import { StatusView } from '../../../../ui/StatusView'

/** 用章记录 of the current enterprise (its legal representative only; the server refuses others). */
export default function SealAuditPage() {
  const enterpriseId = useEnterpriseContext((s) => s.currentId)
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
