import { useEnterpriseContext } from '../../../../core/enterpriseContext'
import { PageShell } from '../../../../core/PageShell'
import { SignInRequired } from '../../../../core/SignInRequired'
import { ExportCalendarScreen } from '../../../../features/licences/ExportCalendarScreen'
import { StatusView } from '../../../../ui/StatusView'

export default function ExportCalendarPage() {
  const enterpriseId = useEnterpriseContext((s) => s.currentId)
  return (
    <PageShell>
      <SignInRequired>
        {enterpriseId ? (
          <ExportCalendarScreen enterpriseId={enterpriseId} />
        ) : (
          <StatusView kind='empty' text='尚未选择企业' hint='请先在「我的」中选择企业' />
        )}
      </SignInRequired>
    </PageShell>
  )
}
