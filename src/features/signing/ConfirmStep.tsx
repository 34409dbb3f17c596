import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import type { FaceTicketIssued, SignTaskPreview, SignTaskView } from '../../contract/esign/schemas'
import { confirmSignTask } from '../../api/signing/confirmSignTask'
import { rejectSignTask } from '../../api/signing/rejectSignTask'
import { isApiError } from '../../api/errors'
import { apiClient } from '../../core/apiClient'
import type { FaceStep } from '../../core/faceStep'
import { ActionButton } from '../../ui/ActionButton'
import { ErrorText } from '../../ui/ErrorText'
import { RejectDialog } from './RejectDialog'
import { signErrorMessage } from './signErrors'
import { SignPreviewCard } from './SignPreviewCard'
import { useCountdown } from './useCountdown'

type Method = 'face' | 'pin'

/**
 * How a confirmation starts: by face, as the issue asks (the person present is the proof), with
 * the signing PIN one tap away; by PIN only where the platform offers no face verification.
 */
export function defaultMethod(faceAvailable: boolean): Method {
  return faceAvailable ? 'face' : 'pin'
}

// After these the PIN cannot help: offer the face straight away.
const PIN_DEAD_ENDS = new Set(['PIN_LOCKED', 'PIN_NOT_SET'])

/** The preview of a scanned task, confirmed by face or signing PIN, or refused. */
export function ConfirmStep(props: {
  preview: SignTaskPreview
  FaceStep?: FaceStep
  onFinished: (task: SignTaskView) => void
}) {
  const { preview, FaceStep } = props
  const secondsLeft = useCountdown(preview.expiresAt)
  const [method, setMethod] = useState<Method>(() => defaultMethod(FaceStep !== undefined))
  const [pin, setPin] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [rejecting, setRejecting] = useState(false)

  const run = async (action: () => Promise<SignTaskView>) => {
    setBusy(true)
    setError(null)
    try {
      props.onFinished(await action())
    } catch (e) {
      setRejecting(false)
      setError(signErrorMessage(e))
      if (FaceStep && isApiError(e) && e.name === 'BusinessError' && PIN_DEAD_ENDS.has(e.code)) setMethod('face')
      setBusy(false)
    }
  }
  const confirmByPin = () => {
    if (!/^\d{6}$/.test(pin)) {
      setError('请输入 6 位数字签署密码')
      return
    }
    void run(() => confirmSignTask(apiClient, preview.taskId, { pin }))
  }
  // The face panel shows its own failures (mismatch, cancelled, locked); signing refusals show here.
  const confirmByFace = (ticket: FaceTicketIssued) =>
    run(() => confirmSignTask(apiClient, preview.taskId, { ticket: ticket.ticket }))
  const switchTo = (next: Method) => {
    setError(null)
    setMethod(next)
  }
  const expired = secondsLeft <= 0
  const personal = preview.signers.some((s) => s.kind === 'personal')

  return (
    <View>
      <SignPreviewCard preview={preview} secondsLeft={secondsLeft} />
      {method === 'face' && FaceStep && !expired ? (
        <FaceStep
          purpose={preview.facePurpose}
          intro={personal ? '本文件需要您的个人签名：请签名人本人刷脸确认签署' : '请刷脸确认签署，核验通过后立即签章'}
          onTicket={confirmByFace}
        />
      ) : null}
      <View className='card'>
        {method === 'pin' && preview.pinAvailable ? (
          <View className='field'>
            <View className='field__label'>签署密码</View>
            <Input
              className='input'
              type='number'
              password
              value={pin}
              maxlength={6}
              placeholder='6 位数字签署密码'
              ariaLabel='签署密码'
              onInput={(e) => setPin(e.detail.value.replace(/\D/g, '').slice(0, 6))}
            />
          </View>
        ) : null}
        {method === 'pin' && !preview.pinAvailable ? (
          <View className='muted'>
            {FaceStep ? '您尚未设置签署密码，请刷脸确认签署。' : '您尚未设置签署密码，暂不能在此确认签署。'}
          </View>
        ) : null}
        <ErrorText message={error} />
        {method === 'pin' && preview.pinAvailable ? (
          <ActionButton label='确认签署' disabled={busy || expired} onClick={confirmByPin} />
        ) : null}
        {method === 'face' && preview.pinAvailable ? (
          <ActionButton label='改用签署密码确认' variant='secondary' onClick={() => switchTo('pin')} />
        ) : null}
        {method === 'pin' && FaceStep ? (
          <ActionButton label='改用刷脸确认' variant='secondary' onClick={() => switchTo('face')} />
        ) : null}
        <ActionButton label='拒绝签署' variant='danger' disabled={busy || expired} onClick={() => setRejecting(true)} />
      </View>
      {rejecting && !expired ? (
        <RejectDialog
          documentName={preview.documentName}
          busy={busy}
          onReject={(reason) => run(() => rejectSignTask(apiClient, preview.taskId, reason))}
          onCancel={() => setRejecting(false)}
        />
      ) : null}
    </View>
  )
}
