import { View } from '@tarojs/components'
import { ActionButton } from '../../ui/ActionButton'
import { StatusView } from '../../ui/StatusView'
import { categoryName, slaText, stateChipClass } from './caseDisplay'
import { useComplaints } from './complaintsStore'
import { useComplaintDraft } from './draftStore'
import { chinaDateTimeOf } from '../../domain/calendar/dates'

/** 我的诉求: each case with its state and the working days left; pull down to refresh. */
export function ComplaintListScreen(props: {
  onOpen: (complaintId: string) => void
  onNew: () => void
  onQuery: () => void
}) {
  const { items, error, refresh } = useComplaints()
  const queued = useComplaintDraft((s) => s.queued)

  const header = (
    <View>
      {queued ? (
        <View className='banner banner--offline' ariaRole='status' onClick={props.onNew}>
          有 1 条诉求等待提交：{queued.reason}
        </View>
      ) : null}
      <View className='row'>
        <ActionButton label='提交诉求' onClick={props.onNew} />
        <ActionButton variant='secondary' label='按查询码查询' onClick={props.onQuery} />
      </View>
      {error && items ? (
        <View className='error-text' ariaRole='alert'>
          {error}
        </View>
      ) : null}
    </View>
  )

  if (items === null) {
    return (
      <View>
        {header}
        {error ? (
          <StatusView kind='error' text={error} onRetry={() => void refresh()} />
        ) : (
          <StatusView kind='loading' />
        )}
      </View>
    )
  }

  return (
    <View>
      {header}
      {items.length === 0 ? (
        <StatusView kind='empty' text='还没有提交过诉求' hint='遇到问题、有意见建议，点「提交诉求」告诉我们' />
      ) : (
        items.map((item) => {
          const countdown = slaText(item)
          return (
            <View
              key={item.id}
              className='card'
              ariaRole='link'
              ariaLabel={`${item.title}，${item.statusLabel}，${countdown}`}
              onClick={() => props.onOpen(item.id)}
            >
              <View className='row'>
                <View className='title'>{item.title}</View>
                <View className={stateChipClass(item)}>{item.statusLabel}</View>
              </View>
              <View className='muted'>
                {categoryName(item)} · {chinaDateTimeOf(item.createdAt)} 提交{item.anonymous ? ' · 匿名' : ''}
              </View>
              <View>{countdown}</View>
            </View>
          )
        })
      )}
    </View>
  )
}
