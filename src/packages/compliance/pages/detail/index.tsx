import { PageShell } from '../../../../core/PageShell'
import { SignInRequired } from '../../../../core/SignInRequired'
import { ComplianceDetailScreen } from '../../../../features/compliance/ComplianceDetailScreen'
import { usePageParams } from '../../../../platform/lifecycle'
import { StatusView } from '../../../../ui/StatusView'

export default function ComplianceDetailPage() {
  const { enterpriseId, key, date } = usePageParams()
  return (
    <PageShell>
      <SignInRequired>
        {enterpriseId && key && date ? (
          <ComplianceDetailScreen enterpriseId={enterpriseId} itemKey={key} date={date} />
        ) : (
          <StatusView kind='error' text='链接不完整，请返回合规日历重新打开' />
        )}
      </SignInRequired>
    </PageShell>
  )
}
