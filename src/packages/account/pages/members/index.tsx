import { useEnterpriseContext } from '../../../../core/enterpriseContext'
import { PageShell } from '../../../../core/PageShell'
import { SignInRequired } from '../../../../core/SignInRequired'
import { EnterpriseMembersScreen } from '../../../../features/enterprise/EnterpriseMembersScreen'
import { StatusView } from '../../../../ui/StatusView'

/** 企业成员 of the current enterprise (its legal representative only; the server refuses others). */
export default function EnterpriseMembersPage() {
  const enterpriseId = useEnterpriseContext((s) => s.currentId)
  return (
    <PageShell>
      <SignInRequired reason='登录后即可管理企业成员'>
        {enterpriseId ? (
          <EnterpriseMembersScreen key={enterpriseId} enterpriseId={enterpriseId} />
        ) : (
          <StatusView kind='empty' text='尚未选择企业' hint='请先在「我的」中选择企业' />
        )}
      </SignInRequired>
    </PageShell>
  )
}
