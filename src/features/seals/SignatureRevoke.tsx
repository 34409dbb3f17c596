import { useState } from 'react'
import { View } from '@tarojs/components'
import type { FaceTicketIssued, PersonalSignatureView } from '../../contract/esign/schemas'
import { isApiError } from '../../api/errors'
import { revokeMySignature } from '../../api/seals/revokeMySignature'
import { apiClient } from '../../core/apiClient'
import type { FaceStep } from '../../core/faceStep'
import { ActionButton } from '../../ui/ActionButton'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { ErrorText } from '../../ui/ErrorText'
import { TextField } from '../../ui/TextField'
import { PinField } from './PinField'
import { REVOKE_REASON_MAX, useRevokeConfirmation } from './useRevokeConfirmation'

/**
 * What 注销 does to a personal signature, as the server does it (server/capabilities/esign/seals/
 * signature-repo.ts): the signature and its certificate are revoked at once; verification judges a
 * signature by the time it was made, so documents signed before stay verifiable; a new one may be
 * claimed afterwards (face again, new key and certificate).
 */
export const SIGNATURE_REVOKE_CONSEQUENCES = [
  '注销后，您的个人电子签名及其数字证书立即作废，不能再用于签署，不可恢复。',
  '已签署的文件仍可验证，验签时按签署时间判断。',
  '尚未签署、需要您签名的文件，须重新领取个人电子签名后才能签署。',
  '注销后可随时重新刷脸领取新的个人电子签名（新密钥、新证书）。',
]

type Step = 'closed' | 'confirm' | 'face'

/**
 * 注销签名 (the owner): a red action, then a confirmation that says what happens, asks the reason
 * and the signing PIN — or 刷脸 (a 'seal-revoke' ticket), the other confirmation the server takes.
 */
export function SignatureRevoke(props: {
  FaceStep: FaceStep
  onRevoked: (revoked: PersonalSignatureView) => void
  /** The signature was no longer live (revoked or replaced elsewhere): the screen loads it again. */
  onStale: () => void
}) {
  const [step, setStep] = useState<Step>('closed')
  const form = useRevokeConfirmation({
    what: '注销',
    request: (body) => revokeMySignature(apiClient, body),
    onDone: props.onRevoked,
    onFace: () => setStep('face'),
    handled: (e) => {
      const stale = isApiError(e) && e.name === 'BusinessError' && e.code === 'SIGNATURE_NOT_CLAIMED'
      if (stale) props.onStale()
      return stale
    },
  })
  const { reason, pin, busy, error } = form

  const close = () => {
    setStep('closed')
    form.reset()
  }

  if (step === 'face') {
    const { FaceStep } = props
    return (
      <View>
        <View className='card'>
          <View className='title'>注销个人电子签名</View>
          <View className='muted'>请本人刷脸，核验通过后立即注销个人电子签名。</View>
          <ErrorText message={error} />
          <ActionButton
            label='改用签署密码'
            variant='secondary'
            disabled={busy}
            onClick={() => {
              form.setError(null)
              setStep('confirm')
            }}
          />
          <ActionButton label='取消' variant='secondary' disabled={busy} onClick={close} />
        </View>
        <FaceStep
          purpose='seal-revoke'
          intro='注销个人电子签名须由本人刷脸确认'
          onTicket={(ticket: FaceTicketIssued) => form.sendTicket(ticket.ticket)}
        />
      </View>
    )
  }

  return (
    <View>
      <ActionButton label='注销签名' variant='danger' onClick={() => setStep('confirm')} />
      {step === 'confirm' ? (
        <ConfirmDialog
          title='注销个人电子签名'
          destructive
          confirmLabel='确认注销'
          confirmDisabled={busy}
          onConfirm={() => void form.submitPin()}
          onCancel={close}
          // Escape cancels until something is typed; after that only 取消 throws it away.
          escapeCancels={reason === '' && pin === ''}
        >
          <View className='banner'>
            {SIGNATURE_REVOKE_CONSEQUENCES.map((line) => (
              <View key={line}>{line}</View>
            ))}
          </View>
          <TextField
            label='注销原因'
            placeholder='如：签名密钥疑似泄露、不再需要'
            value={reason}
            maxlength={REVOKE_REASON_MAX}
            onChange={form.setReason}
          />
          <PinField label='签署密码' value={pin} onChange={form.setPin} />
          <ErrorText message={error} />
          <ActionButton label='改用刷脸确认' variant='secondary' disabled={busy} onClick={form.chooseFace} />
        </ConfirmDialog>
      ) : null}
    </View>
  )
}
