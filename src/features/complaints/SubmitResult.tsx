import { View } from '@tarojs/components'
import { formatQueryCode } from '../../domain/complaints/queryCode'
import { copyText } from '../../platform/clipboard'
import { toast } from '../../platform/feedback'
import { ActionButton } from '../../ui/ActionButton'
import type { SubmittedComplaint } from './draftStore'

/**
 * After success. An anonymous case's query code is shown large, with 复制 — also after a retried
 * submit whose first answer was lost: the server answers a replay with the same code.
 */
export function SubmitResult(props: { submitted: SubmittedComplaint; onView: () => void; onDone: () => void }) {
  const { submitted } = props
  const code = submitted.queryCode ? formatQueryCode(submitted.queryCode) : null
  const copy = async () => {
    try {
      await copyText(code ?? '')
      toast('已复制查询码', 'success')
    } catch {
      toast('复制失败，请手动抄下查询码', 'error')
    }
  }
  return (
    <View className='card status-view' ariaRole='status'>
      <View className='title'>诉求已提交</View>
      <View>
        「{submitted.title}」· {submitted.statusLabel}
      </View>
      {code ? (
        <View>
          <View className='muted'>匿名诉求的查询码（只显示这一次，请抄下或复制保存）：</View>
          <View className='title' ariaLabel={`查询码 ${code}`}>
            {code}
          </View>
          <ActionButton variant='secondary' label='复制查询码' onClick={() => void copy()}>
            复制
          </ActionButton>
        </View>
      ) : submitted.anonymous ? null : (
        <View className='muted'>办理进展会通过消息通知您，也可在「我的诉求」中查看</View>
      )}
      <ActionButton label='查看诉求进展' onClick={props.onView} />
      <ActionButton variant='secondary' label='完成' onClick={props.onDone} />
    </View>
  )
}
