import { PageShell } from '../../../../core/PageShell'
import { ROUTES } from '../../../../core/routes'
import { SignInRequired } from '../../../../core/SignInRequired'
import { ComplaintListScreen } from '../../../../features/complaints/ComplaintListScreen'
import { useComplaints } from '../../../../features/complaints/complaintsStore'
import { ensureAutoSend, sendQueued } from '../../../../features/complaints/autoSend'
import { stopPullDownRefresh, usePageShow, usePullToRefresh } from '../../../../platform/lifecycle'
import { navigateTo } from '../../../../platform/navigation'
import { ActionButton } from '../../../../ui/ActionButton'

export default function ComplaintListPage() {
  usePageShow(() => {
    // A submission left waiting goes out first, so the list shows it.
    ensureAutoSend()
    void sendQueued().finally(() => useComplaints.getState().refresh())
  })
  usePullToRefresh(() => {
    void useComplaints.getState().refresh().finally(stopPullDownRefresh)
  })
  return (
    <PageShell>
      <SignInRequired
        reason='登录后查看您提交的诉求和办理进展'
        alternatives={
          <ActionButton
            variant='secondary'
            label='用查询码查匿名诉求'
            onClick={() => void navigateTo(ROUTES.complaintQuery)}
          />
        }
      >
        <ComplaintListScreen
          onOpen={(id) => void navigateTo(ROUTES.complaintDetail, { id })}
          onNew={() => void navigateTo(ROUTES.complaintNew)}
          onQuery={() => void navigateTo(ROUTES.complaintQuery)}
        />
      </SignInRequired>
    </PageShell>
  )
}
