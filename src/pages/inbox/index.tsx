import { PageShell } from '../../core/PageShell'
import { SignInRequired } from '../../core/SignInRequired'
import { StatusView } from '../../ui/StatusView'

// The inbox fills with licence reminders, policy pushes and complaint progress as those ship.
export default function InboxPage() {
  return (
    <PageShell>
      <SignInRequired reason='登录后查看证照提醒和办理进度'>
        <StatusView kind='empty' text='暂无消息' hint='证照续期提醒、政策推送和诉求进度会出现在这里' />
      </SignInRequired>
    </PageShell>
  )
}
