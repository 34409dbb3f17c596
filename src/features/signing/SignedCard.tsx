import { View } from '@tarojs/components'
import type { SignTaskView } from '../../contract/esign/schemas'
import { ActionButton } from '../../ui/ActionButton'
import { SignatureItem } from './SignatureItem'

/** Where a confirmed or refused task ends: what was signed, with what, and how others can check it. */
export function SignedCard(props: { task: SignTaskView; onAgain: () => void }) {
  const { task } = props
  const signed = task.status === 'signed'
  return (
    <View className='card'>
      <View className='title' ariaRole='status'>
        {signed ? '已签署' : task.statusLabel}
      </View>
      <View className='muted'>{task.documentName}</View>
      {task.status === 'awaiting_second' && task.approval ? (
        <View className='banner' ariaRole='status'>
          {task.approval.firstConfirmedBy ? `${task.approval.firstConfirmedBy}已确认。` : ''}
          还需以下任一人扫码确认：{task.approval.waitingFor.join('、') || '指定的第二审批人'}
        </View>
      ) : null}
      {task.status === 'rejected' && task.rejectReason ? (
        <View className='error-text' ariaRole='alert'>
          {task.refusalCode ? '用章规则不允许：' : '拒绝原因：'}
          {task.rejectReason}
        </View>
      ) : null}
      {signed ? task.signatures.map((s) => <SignatureItem key={s.id} task={task} record={s} />) : null}
      {signed ? <View className='muted'>签署结果已回传业务系统，可在业务系统中查看已盖章文件。</View> : null}
      <ActionButton label='继续扫码签章' variant='secondary' onClick={props.onAgain} />
    </View>
  )
}
