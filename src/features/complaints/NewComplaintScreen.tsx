import { useEffect } from 'react'
import { View } from '@tarojs/components'
import { useSession } from '../../core/session'
import { ActionButton } from '../../ui/ActionButton'
import { ComplaintForm } from './ComplaintForm'
import { useComplaintDraft } from './draftStore'
import { ensureAutoSend, sendQueued } from './autoSend'
import { editQueued, submitDraft } from './submitQueue'
import { SubmitResult } from './SubmitResult'

/**
 * 提交诉求: the form, or — once submitted — the submission waiting for the network, or the result.
 * The queue is also sent app-wide (ensureAutoSend from src/app.tsx); opening this screen tries it at once.
 */
export function NewComplaintScreen(props: { onOpen: (complaintId: string) => void; onDone: () => void }) {
  const { queued, submitted, sending, set } = useComplaintDraft()
  const userId = useSession((s) => s.user?.id ?? null)
  // What another account on this phone submitted is not shown to this one.
  const mine = (ownerId: string | null | undefined) => !ownerId || ownerId === userId

  useEffect(ensureAutoSend, [])

  if (submitted && mine(submitted.ownerId)) {
    const leave = (then: () => void) => {
      set({ submitted: null })
      then()
    }
    return (
      <SubmitResult
        submitted={submitted}
        onView={() => leave(() => props.onOpen(submitted.id))}
        onDone={() => leave(props.onDone)}
      />
    )
  }

  if (queued && mine(queued.ownerId)) {
    return (
      <View className='card'>
        <View className='banner banner--offline' ariaRole='status'>
          {sending ? '正在提交…' : queued.reason}
        </View>
        <View className='title'>{queued.request.title}</View>
        <View className='muted'>
          诉求已保存在本机，附 {queued.request.attachmentIds?.length ?? 0} 张照片；重试不会重复提交。
        </View>
        <ActionButton label='立即重试提交' disabled={sending} onClick={() => void sendQueued()}>
          立即重试
        </ActionButton>
        <ActionButton variant='secondary' label='返回修改' disabled={sending} onClick={editQueued} />
      </View>
    )
  }

  return (
    <View>
      {queued ? (
        // Another account's submission: what it is stays private, only that it waits.
        <View className='banner banner--offline' ariaRole='status'>
          <View>本机还有另一账号的 1 条诉求等待提交</View>
          <View>{queued.reason}</View>
        </View>
      ) : null}
      <ComplaintForm onSubmit={() => void submitDraft()} />
    </View>
  )
}
