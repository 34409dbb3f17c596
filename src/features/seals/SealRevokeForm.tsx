import { useState } from 'react'
import { View } from '@tarojs/components'
import type { FaceTicketIssued, SealRevokeResult, SealView } from '../../contract/esign/schemas'
import { revokeSeal } from '../../api/seals/revokeSeal'
import { apiClient } from '../../core/apiClient'
import type { FaceStep } from '../../core/faceStep'
import { ActionButton } from '../../ui/ActionButton'
import { ErrorText } from '../../ui/ErrorText'
import { TextField } from '../../ui/TextField'
import { PinField } from './PinField'
import { REVOKE_REASON_MAX, useRevokeConfirmation } from './useRevokeConfirmation'

/** What 注销 / 重新制章 does, said before the legal representative confirms it. */
export function revokeConsequences(seal: SealView, action: 'revoke' | 'replace'): string[] {
  return [
    action === 'revoke'
      ? `注销后「${seal.name}」及其数字证书立即作废，不可恢复。`
      : `重新制章将注销「${seal.name}」及其数字证书（不可恢复），并生成一枚新的${seal.typeLabel}（新密钥、新证书）。`,
    action === 'revoke'
      ? '该印章的全部授权随之结束，经办人不能再使用它。'
      : '原印章的授权不会转到新印章，如需经办人继续用章，请重新授权。',
    '尚未签署、需要该印章的签章任务将被拒绝，并通知发起的业务系统。',
    '此前已加盖该印章的文件仍然有效，验章时按签章时间判断。',
  ]
}

/** 注销印章 / 重新制章 (legal representative): the consequences, a reason, then PIN or face confirmation. */
export function SealRevokeForm(props: {
  enterpriseId: string
  seal: SealView
  action: 'revoke' | 'replace'
  FaceStep: FaceStep
  onDone: (result: SealRevokeResult) => void
  onCancel: () => void
}) {
  const [byFace, setByFace] = useState(false)
  const title = props.action === 'revoke' ? '注销印章' : '重新制章'
  const form = useRevokeConfirmation({
    what: props.action === 'revoke' ? '注销' : '重新制章',
    request: (body) => revokeSeal(apiClient, props.enterpriseId, props.seal.id, props.action, body),
    onDone: props.onDone,
    onFace: () => setByFace(true),
  })
  const { reason, pin, busy, error } = form

  if (byFace) {
    const { FaceStep } = props
    return (
      <View>
        <View className='card'>
          <View className='title'>{title}</View>
          <View className='muted'>请法定代表人本人刷脸，核验通过后立即{title}。</View>
          <ErrorText message={error} />
          <ActionButton label='改用签署密码' variant='secondary' onClick={() => setByFace(false)} />
        </View>
        <FaceStep
          purpose='seal-revoke'
          enterpriseId={props.enterpriseId}
          onTicket={(ticket: FaceTicketIssued) => form.sendTicket(ticket.ticket)}
        />
      </View>
    )
  }
  return (
    <View className='card'>
      <View className='title'>
        {title}：{props.seal.typeLabel}
      </View>
      <View className='banner'>
        {revokeConsequences(props.seal, props.action).map((line) => (
          <View key={line}>{line}</View>
        ))}
      </View>
      <TextField
        label={props.action === 'revoke' ? '注销原因' : '重新制章原因'}
        placeholder='如：印章密钥疑似泄露、印章信息变更'
        value={reason}
        maxlength={REVOKE_REASON_MAX}
        onChange={form.setReason}
      />
      <PinField label='签署密码' value={pin} onChange={form.setPin} />
      <ErrorText message={error} />
      <ActionButton label={`确认${title}`} variant='destructive' disabled={busy} onClick={form.submitPin} />
      <ActionButton label='改用刷脸确认' variant='secondary' disabled={busy} onClick={form.chooseFace} />
      <ActionButton label='取消' variant='secondary' onClick={props.onCancel} />
    </View>
  )
}
