import { useEffect } from 'react'
import { PageShell } from '../../core/PageShell'
import { SignInRequired } from '../../core/SignInRequired'
import { useSession } from '../../core/session'
import { InboxScreen } from '../../features/inbox/InboxScreen'
import { useInbox } from '../../features/inbox/inboxStore'
import { messageTarget } from '../../features/inbox/messageTarget'
import { stopPullDownRefresh, usePageShow, usePullToRefresh } from '../../platform/lifecycle'
import { navigateTo } from '../../platform/navigation'
import { setTabBadge } from '../../platform/tabBar'

const INBOX_TAB_INDEX = 2

export default function InboxPage() {
  const unread = useInbox((s) => s.unread)
  const refresh = () => (useSession.getState().token ? useInbox.getState().refresh() : Promise.resolve())
  usePageShow(() => void refresh())
  usePullToRefresh(() => void refresh().finally(stopPullDownRefresh))
  useEffect(() => setTabBadge(INBOX_TAB_INDEX, unread), [unread])

  return (
    <PageShell>
      <SignInRequired reason='登录后查看证照提醒和办理进度'>
        <InboxScreen
          onOpenLink={(m) => {
            const target = messageTarget(m)
            if (target) void navigateTo(target.route, target.query)
          }}
        />
      </SignInRequired>
    </PageShell>
  )
}
