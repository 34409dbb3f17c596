import { useState } from 'react'
import { View } from '@tarojs/components'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { TextField } from '../../ui/TextField'

/** The usual reasons; the one chosen reaches the requesting system and the seal's 用章记录. */
export const REJECT_REASONS = ['文件内容与约定不符', '金额或数量有误', '不是我要签署的文件', '其他原因'] as const
const OTHER = '其他原因'

/** What is sent: the reason chosen with any note; 其他原因 needs the note itself. Empty until enough is given. */
export function rejectReasonText(picked: string | null, note: string): string {
  const said = note.trim()
  if (picked === null) return ''
  if (picked === OTHER) return said
  return said ? `${picked}：${said}` : picked
}

/** 拒绝签署 cannot be taken back: ask first, and ask why. */
export function RejectDialog(props: {
  documentName: string
  busy: boolean
  onReject: (reason: string) => void
  onCancel: () => void
}) {
  const [picked, setPicked] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const reason = rejectReasonText(picked, note)
  return (
    <ConfirmDialog
      title='拒绝签署'
      destructive
      confirmLabel='确认拒绝'
      confirmDisabled={props.busy || reason === ''}
      onConfirm={() => props.onReject(reason)}
      onCancel={props.onCancel}
      // Escape cancels until a reason is chosen or typed; after that only 取消 throws it away.
      escapeCancels={picked === null && note === ''}
    >
      <View className='muted'>
        拒绝后《{props.documentName}》不能再用此签章码签署，拒绝原因会告知发起签署的业务系统。
      </View>
      <View className='field__label'>拒绝原因（必选）</View>
      {REJECT_REASONS.map((option) => (
        <View
          key={option}
          className={option === picked ? 'option option--selected' : 'option'}
          ariaRole='button'
          ariaLabel={`拒绝原因：${option}${option === picked ? '（已选）' : ''}`}
          onClick={() => setPicked(option)}
        >
          {option === picked ? '● ' : '○ '}
          {option}
        </View>
      ))}
      <TextField
        label={picked === OTHER ? '请说明原因' : '补充说明（选填）'}
        value={note}
        maxlength={100}
        onChange={setNote}
      />
    </ConfirmDialog>
  )
}
