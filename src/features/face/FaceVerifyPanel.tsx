import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import type {
  FacePurpose,
  FaceSessionStarted,
  FaceTicketIssued,
  StartFaceSessionRequest,
  VerifiedIdentityView,
} from '../../contract/esign/schemas'
import { completeFaceSession } from '../../api/face/completeFaceSession'
import { getVerifiedIdentity } from '../../api/face/getVerifiedIdentity'
import { startFaceSession } from '../../api/face/startFaceSession'
import { isApiError, userMessage } from '../../api/errors'
import { apiClient } from '../../core/apiClient'
import { chinaDateOf } from '../../domain/calendar/dates'
import { checkIdNumber, ID_NUMBER_PROBLEM_MESSAGES } from '../../domain/idcard'
import { maskIdNumber } from '../../domain/mask'
import { checkPersonName, PERSON_NAME_PROBLEM_MESSAGES } from '../../domain/signing/personName'
import { platform } from '../../platform/env'
import { startFaceVerify } from '../../platform/faceVerify'
import { ActionButton } from '../../ui/ActionButton'
import { ErrorText } from '../../ui/ErrorText'
import { StatusView } from '../../ui/StatusView'
import { TextField } from '../../ui/TextField'
import { clientResultOf, platformSessionOf } from './faceSession'
import { afterEditingMasked } from './maskedEdit'

type Step =
  { kind: 'form' } | { kind: 'busy'; text: string } | { kind: 'sandbox'; session: FaceSessionStarted; idMasked: string }

/** 张*国 · 4110**********0371: how a verified identity is shown (never more of it). */
export function identityLine(identity: VerifiedIdentityView): string {
  return `${identity.nameMasked} · ${identity.idNumberMasked}`
}

/**
 * 刷脸: name and 身份证号 → the platform's face check (WeChat 人脸核身, 支付宝身份验证, or the
 * server's sandbox on H5) → the server asks the provider → a one-time ticket for `purpose`.
 * Identity once: a user who already passed one is shown that identity, masked, and verifies as it
 * without retyping (the server holds the number); 不是本人？更换 opens the form for another person.
 */
export function FaceVerifyPanel(props: {
  purpose: FacePurpose
  enterpriseId?: string
  intro?: string
  onTicket: (ticket: FaceTicketIssued) => void | Promise<void>
}) {
  const [name, setName] = useState('')
  const [idNumber, setIdNumber] = useState('')
  const [idMasked, setIdMasked] = useState(false)
  const [fieldErrors, setFieldErrors] = useState<{ name?: string; idNumber?: string }>({})
  const [step, setStep] = useState<Step>({ kind: 'form' })
  const [error, setError] = useState<string | null>(null)
  // undefined while asking the server; null when none is on record (or it could not be read).
  const [identity, setIdentity] = useState<VerifiedIdentityView | null | undefined>(undefined)
  const [replacing, setReplacing] = useState(false)

  useEffect(() => {
    let live = true
    getVerifiedIdentity(apiClient)
      .then((answer) => live && setIdentity(answer.identity))
      .catch(() => live && setIdentity(null))
    return () => {
      live = false
    }
  }, [])

  const complete = async (sessionId: string, clientResult: Record<string, string>) => {
    setStep({ kind: 'busy', text: '正在核验刷脸结果…' })
    try {
      const ticket = await completeFaceSession(apiClient, sessionId, { clientResult })
      await props.onTicket(ticket)
      setStep({ kind: 'form' })
    } catch (e) {
      setError(userMessage(e))
      setStep({ kind: 'form' })
    }
  }

  /** Opens the session for `person` and takes it through the platform's face check. */
  const verify = async (
    person: Pick<StartFaceSessionRequest, 'name' | 'idNumber' | 'useVerifiedIdentity'>,
    idMasked: string,
  ) => {
    setError(null)
    setStep({ kind: 'busy', text: '正在发起刷脸认证…' })
    try {
      const session = await startFaceSession(apiClient, {
        purpose: props.purpose,
        ...person,
        platform,
        enterpriseId: props.enterpriseId,
      })
      const platformSession = platformSessionOf(session)
      if (!platformSession) {
        setStep({ kind: 'sandbox', session, idMasked })
        return
      }
      const outcome = await startFaceVerify(platformSession)
      if (outcome.status === 'cancelled') {
        setError('刷脸认证已取消')
        setStep({ kind: 'form' })
        return
      }
      await complete(session.sessionId, clientResultOf(outcome))
    } catch (e) {
      // The identity on record is gone (another device replaced or removed it): ask for it.
      if (isApiError(e) && e.name === 'BusinessError' && e.code === 'VERIFIED_IDENTITY_NONE') setIdentity(null)
      setError(e instanceof Error && e.name === 'FaceVerifyUnavailableError' ? e.message : userMessage(e))
      setStep({ kind: 'form' })
    }
  }

  const start = async () => {
    const checkedName = checkPersonName(name)
    const checkedId = checkIdNumber(idNumber, chinaDateOf(Date.now()))
    setFieldErrors({
      name: checkedName.ok ? undefined : PERSON_NAME_PROBLEM_MESSAGES[checkedName.problem],
      idNumber: checkedId.ok ? undefined : ID_NUMBER_PROBLEM_MESSAGES[checkedId.problem],
    })
    if (!checkedName.ok || !checkedId.ok) return
    // Once checked, the number is shown masked only (PIPL: 身份证号 is sensitive personal data).
    setIdNumber(checkedId.idNumber)
    setIdMasked(true)
    await verify({ name: checkedName.name, idNumber: checkedId.idNumber }, maskIdNumber(checkedId.idNumber))
  }

  if (step.kind === 'busy') return <StatusView kind='loading' text={step.text} />
  if (step.kind === 'sandbox') {
    return (
      <View className='card'>
        <View className='title'>体验沙箱 · 模拟刷脸</View>
        <View className='banner'>这是开发体验用的沙箱，不会真正识别人脸，结果由下方按钮模拟。</View>
        <View className='muted'>身份证号：{step.idMasked}</View>
        <ActionButton
          label='沙箱：模拟通过'
          onClick={() => complete(step.session.sessionId, { sandboxOutcome: 'pass' })}
        />
        <ActionButton
          label='沙箱：模拟失败'
          variant='secondary'
          onClick={() => complete(step.session.sessionId, { sandboxOutcome: 'fail' })}
        />
      </View>
    )
  }
  if (identity === undefined) return <StatusView kind='loading' text='正在读取已核验的身份…' />
  if (identity && !replacing) {
    return (
      <View className='card'>
        {props.intro ? <View className='muted'>{props.intro}</View> : null}
        <View className='field__label'>刷脸人</View>
        <View ariaLabel={`已核验身份：${identityLine(identity)}`}>{identityLine(identity)}</View>
        <ErrorText message={error} />
        <ActionButton label='开始刷脸' onClick={() => verify({ useVerifiedIdentity: true }, identity.idNumberMasked)} />
        <ActionButton
          label='不是本人？更换'
          variant='secondary'
          onClick={() => {
            setError(null)
            setReplacing(true)
          }}
        />
      </View>
    )
  }
  return (
    <View className='card'>
      {props.intro ? <View className='muted'>{props.intro}</View> : null}
      <View className='muted'>请填写居民身份证上的姓名和号码</View>
      <TextField label='姓名' value={name} maxlength={40} error={fieldErrors.name} onChange={setName} />
      <TextField
        label='身份证号'
        value={idMasked ? maskIdNumber(idNumber) : idNumber}
        maxlength={18}
        error={fieldErrors.idNumber}
        onChange={(value) => {
          // Editing a masked number starts it afresh with what was typed or pasted: the hidden digits
          // cannot be edited blind.
          setIdNumber(idMasked ? afterEditingMasked(maskIdNumber(idNumber), value) : value)
          setIdMasked(false)
        }}
      />
      <ErrorText message={error} />
      <ActionButton label='开始刷脸' onClick={start} />
    </View>
  )
}
