import { View } from '@tarojs/components'
import type { InboxMessage } from '../../contract/account/schemas'
import { chinaDateTimeOf } from '../../domain/calendar/dates'
import { ActionButton } from '../../ui/ActionButton'
import { ErrorText } from '../../ui/ErrorText'
import { StatusView } from '../../ui/StatusView'
import { useInbox } from './inboxStore'

/** The message list: unread first in weight, tap to read and follow the link. */
export function InboxScreen(props: { onOpenLink: (message: InboxMessage) => void }) {
  const { items, unread, nextCursor, status, error, refresh, loadMore, read, readAll } = useInbox()

  if (status === 'error' && items.length === 0)
    return <StatusView kind='error' text={error ?? '加载失败'} onRetry={refresh} />
  if (status !== 'ready' && items.length === 0) return <StatusView kind='loading' />
  if (items.length === 0)
    return <StatusView kind='empty' text='暂无消息' hint='证照续期提醒、政策推送和诉求进度会出现在这里' />

  return (
    <View>
      <View className='row'>
        <View className='muted' ariaRole='status'>
          {unread > 0 ? `${unread} 条未读` : '全部已读'}
        </View>
        {unread > 0 ? <ActionButton variant='secondary' label='全部已读' onClick={readAll} /> : null}
      </View>
      {items.map((m) => (
        <View
          key={m.id}
          className={m.readAt ? 'card message' : 'card message message--unread'}
          // Only a message about something (a licence, policy, complaint) leads anywhere; a notice such
          // as 欢迎使用 is a plain item that a tap just marks read.
          ariaRole={m.link.kind === 'none' ? 'article' : 'link'}
          ariaLabel={`${m.readAt ? '' : '未读：'}${m.title}`}
          onClick={() => {
            void read(m.id)
            if (m.link.kind !== 'none') props.onOpenLink(m)
          }}
        >
          <View className='title'>{m.title}</View>
          <View>{m.body}</View>
          <View className='muted'>{chinaDateTimeOf(m.createdAt)}</View>
        </View>
      ))}
      <ErrorText message={error} />
      {nextCursor ? <ActionButton variant='secondary' label='加载更多' onClick={loadMore} /> : null}
    </View>
  )
}
