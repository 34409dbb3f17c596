import { PageShell } from '../../../../core/PageShell'
import { SignInRequired } from '../../../../core/SignInRequired'
import { useEnterpriseContext } from '../../../../core/enterpriseContext'
import { ComplianceSettingsScreen } from '../../../../features/compliance/ComplianceSettingsScreen'
import { usePageParams } from '../../../../platform/lifecycle'
import { StatusView } from '../../../../ui/StatusView'

export default function ComplianceSettingsPage() {
  const params = usePageParams()
  const current = useEnterpriseContext((s) => s.currentId)
  const enterpriseId = params.enterpriseId ?? current
  return (
    <PageShell>
      <SignInRequired>
        {enterpriseId ? (
          <ComplianceSettingsScreen enterpriseId={enterpriseId} />
        ) : (
          <StatusView kind='empty' text='尚未选择企业' hint='请先在「我的」中选择企业' />
        )}
      </SignInRequired>
    </PageShell>
  )
}
