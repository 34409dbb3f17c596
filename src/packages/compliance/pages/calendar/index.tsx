import { PageShell } from '../../../../core/PageShell'
import { ROUTES } from '../../../../core/routes'
import { SignInRequired } from '../../../../core/SignInRequired'
import { useEnterpriseContext } from '../../../../core/enterpriseContext'
import { ComplianceCalendarScreen } from '../../../../features/compliance/ComplianceCalendarScreen'
import { navigateTo } from '../../../../platform/navigation'
import type { TimelineItem } from '../../../../contract/compliance/schemas'

/** Each item opens its source: the licence, the policy, the complaint, or the 年报/税务/信用修复 detail. */
function openItem(item: TimelineItem): void {
  const { source } = item
  if (source.type === 'licence' && source.id) void navigateTo(ROUTES.licenceDetail, { id: source.id })
  else if (source.type === 'policy' && source.id) void navigateTo(ROUTES.policyDetail, { id: source.id })
  else if (source.type === 'complaint' && source.id) void navigateTo(ROUTES.complaintDetail, { id: source.id })
  else void navigateTo(ROUTES.complianceDetail, { enterpriseId: item.enterpriseId, key: item.key, date: item.date })
}

export default function ComplianceCalendarPage() {
  return (
    <PageShell>
      <SignInRequired>
        <ComplianceCalendarScreen
          onOpen={openItem}
          onSubscribe={() => void navigateTo(ROUTES.licenceExport)}
          onSettings={() => {
            const enterpriseId = useEnterpriseContext.getState().currentId
            void navigateTo(ROUTES.complianceSettings, enterpriseId ? { enterpriseId } : undefined)
          }}
        />
      </SignInRequired>
    </PageShell>
  )
}
