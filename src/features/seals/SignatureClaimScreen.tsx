import { useState, type ReactNode } from 'react'
import { View } from '@tarojs/components'
import type { FaceTicketIssued, PersonalSignatureView, SignatureImageInput } from '../../contract/esign/schemas'
import { claimSignature } from '../../api/seals/claimSignature'
import { getMySignature } from '../../api/seals/getMySignature'
import { isApiError, userMessage } from '../../api/errors'
import { apiClient } from '../../core/apiClient'
import type { FaceStep } from '../../core/faceStep'
import { checkSigningPin, SIGNING_PIN_PROBLEM_MESSAGES } from '../../domain/signing/pin'
import { drawnSignatureSvg } from '../../domain/signing/signatureImage'
import { normaliseStrokes, STROKES_PROBLEM_MESSAGES, type StrokePoint } from '../../domain/signing/strokes'
import { ariaProps } from '../../platform/aria'
import { ActionButton } from '../../ui/ActionButton'
import { ErrorText } from '../../ui/ErrorText'
import { StatusView } from '../../ui/StatusView'
import { SvgImage } from '../../ui/SvgImage'
import { PinField } from './PinField'
import { SEAL_STATUS_LABELS } from './sealLabels'
import { SignaturePad } from './SignaturePad'
import { SignatureRevoke } from './SignatureRevoke'
import { useLoad } from './useLoad'
import { validityEndDay } from './grantDates'

type Kind = SignatureImageInput['kind']
type Step = 'write' | 'pin' | 'face'

const KIND_LABELS: Record<Kind, string> = { drawn: '手写签名', name: '使用姓名生成' }

const fetchMine = async () => (await getMySignature(apiClient)).signature

/**
 * 个人电子签名: write one's signature on the pad (or have it set from the verified name), choose
 * the signing PIN, then verify by face — last, because the face ticket lasts 5 minutes and the
 * claim is sent the moment it arrives. Afterwards the claimed signature is shown.
 */
export function SignatureClaimScreen(props: { FaceStep: FaceStep; onDone: () => void }) {
  const { state, reload } = useLoad(fetchMine)
  const [justClaimed, setJustClaimed] = useState(false)
  // 注销 done here: shown until the person claims again or leaves (the server now has none live).
  const [revoked, setRevoked] = useState<PersonalSignatureView | null>(null)
  // The signature was already gone (注销 or 更换 on another device) when this one tried to revoke it.
  const [goneElsewhere, setGoneElsewhere] = useState(false)

  if (revoked)
    return (
      <RevokedCard
        signature={revoked}
        onClaimAgain={() => {
          setRevoked(null)
          setJustClaimed(false)
          void reload()
        }}
        onDone={props.onDone}
      />
    )
  if (state.kind === 'loading') return <StatusView kind='loading' />
  if (state.kind === 'error')
    return <StatusView kind='error' text={state.text} refused={state.refused} onRetry={reload} />
  if (state.value)
    return (
      <SignatureCard signature={state.value} justClaimed={justClaimed} onDone={props.onDone}>
        <SignatureRevoke
          FaceStep={props.FaceStep}
          onRevoked={setRevoked}
          onStale={() => {
            setJustClaimed(false)
            setGoneElsewhere(true)
            void reload()
          }}
        />
      </SignatureCard>
    )
  return (
    <View>
      {goneElsewhere ? (
        <View className='banner' ariaRole='status'>
          您的个人电子签名已在其他设备注销或更换，无需再次注销；如需签署，请重新领取。
        </View>
      ) : null}
      <ClaimFlow
        FaceStep={props.FaceStep}
        onClaimed={() => {
          setJustClaimed(true)
          setGoneElsewhere(false)
          void reload()
        }}
      />
    </View>
  )
}

/** After 注销: what that means now, and the way to claim a new one (the server allows it at once). */
function RevokedCard(props: { signature: PersonalSignatureView; onClaimAgain: () => void; onDone: () => void }) {
  return (
    <View className='card' ariaRole='status'>
      <View className='title'>个人电子签名已注销</View>
      <View className='muted'>
        {props.signature.holderName}（{props.signature.idNumberMasked}
        ）的个人电子签名及其数字证书已作废，不能再用于签署。
      </View>
      <View className='muted'>已签署的文件仍可验证。如需再签署文件，请重新刷脸领取新的个人电子签名。</View>
      <ActionButton label='重新领取个人电子签名' onClick={props.onClaimAgain} />
      <ActionButton label='完成' variant='secondary' onClick={props.onDone} />
    </View>
  )
}

function SignatureCard(props: {
  signature: PersonalSignatureView
  justClaimed: boolean
  onDone: () => void
  children?: ReactNode
}) {
  const { signature } = props
  return (
    <View className='card' ariaRole={props.justClaimed ? 'status' : undefined}>
      <View className='title'>{props.justClaimed ? '个人电子签名领取成功' : '我的个人电子签名'}</View>
      <SvgImage
        className='signature-image'
        svg={signature.imageSvg}
        label={`${signature.holderName}的个人电子签名`}
        width={240}
        height={120}
      />
      <View className='muted'>
        {signature.holderName}（{signature.idNumberMasked}）· {signature.imageKind === 'drawn' ? '手写' : '姓名生成'}
      </View>
      <View className='muted'>
        {SEAL_STATUS_LABELS[signature.status]} · 有效期至 {validityEndDay(signature.validTo)}
      </View>
      <View className='muted'>扫码签章时，需要您签名的文件会用它签署，并以刷脸或签署密码确认。</View>
      <ActionButton label='完成' onClick={props.onDone} />
      {props.children}
    </View>
  )
}

function ClaimFlow(props: { FaceStep: FaceStep; onClaimed: () => void }) {
  const [kind, setKind] = useState<Kind>('drawn')
  const [strokes, setStrokes] = useState<StrokePoint[][]>([])
  const [pin, setPin] = useState('')
  const [again, setAgain] = useState('')
  const [step, setStep] = useState<Step>('write')
  const [error, setError] = useState<string | null>(null)

  const toPin = () => {
    const normalised = kind === 'drawn' ? normaliseStrokes(strokes) : null
    if (normalised && !normalised.ok) {
      setError(STROKES_PROBLEM_MESSAGES[normalised.problem])
      return
    }
    setError(null)
    setStep('pin')
  }

  const toFace = () => {
    const checked = checkSigningPin(pin)
    if (!checked.ok) setError(SIGNING_PIN_PROBLEM_MESSAGES[checked.problem])
    else if (pin !== again) setError('两次输入的签署密码不一致')
    else {
      setError(null)
      setStep('face')
    }
  }

  const rewrite = () => {
    setStrokes([])
    setError(null)
    setStep('write')
  }

  const claim = async (ticket: FaceTicketIssued) => {
    const image: SignatureImageInput = kind === 'drawn' ? { kind, strokes } : { kind }
    try {
      await claimSignature(apiClient, { ticket: ticket.ticket, pin, image })
      props.onClaimed()
    } catch (e) {
      // Bad handwriting is caught before the face ticket is spent: write again, no new face scan lost.
      const code = isApiError(e) && e.name === 'BusinessError' ? e.code : null
      if (code === 'SIGNATURE_IMAGE_INVALID') rewrite()
      else if (code === 'VALIDATION_FAILED') setStep('pin')
      setError(userMessage(e))
    }
  }

  const alert = <ErrorText message={error} />

  if (step === 'face') {
    const { FaceStep } = props
    return (
      <View>
        <View className='card'>
          <View className='muted'>最后一步：请本人刷脸，核验通过后立即领取个人电子签名。</View>
          {alert}
          <ActionButton label='返回修改签署密码' variant='secondary' onClick={() => setStep('pin')} />
        </View>
        <FaceStep purpose='claim-signature' intro='个人电子签名须由本人刷脸领取' onTicket={claim} />
      </View>
    )
  }

  if (step === 'pin') {
    const normalised = kind === 'drawn' ? normaliseStrokes(strokes) : null
    const previewSvg = normalised?.ok ? drawnSignatureSvg(normalised.path, '本人') : null
    return (
      <View className='card'>
        <View className='title'>签名预览</View>
        {previewSvg ? (
          <SvgImage className='signature-image' svg={previewSvg} label='手写签名预览' width={240} height={120} />
        ) : (
          <View className='muted'>将按刷脸核验的身份证姓名生成楷体签名。</View>
        )}
        <ActionButton label='重写签名' variant='secondary' onClick={rewrite} />
        <View className='muted'>
          设置 6 位数字签署密码，签章时可用它确认。如已设置过签署密码，将改为这次设置的密码。
        </View>
        <PinField label='签署密码' value={pin} onChange={setPin} />
        <PinField label='再次输入签署密码' value={again} onChange={setAgain} />
        {alert}
        <ActionButton label='下一步：刷脸领取' onClick={toFace} />
      </View>
    )
  }

  return (
    <View className='card'>
      <View className='title'>领取个人电子签名</View>
      <View className='muted'>
        个人电子签名用于需要您本人签名的文件（如经办人签名、检查记录签字），与企业印章分开保管。
      </View>
      <View className='chips'>
        {(['drawn', 'name'] as const).map((k) => (
          <View
            key={k}
            className={k === kind ? 'chip chip--control chip--selected' : 'chip chip--control'}
            ariaRole='button'
            {...ariaProps({ pressed: k === kind })}
            ariaLabel={`${KIND_LABELS[k]}${k === kind ? '（已选）' : ''}`}
            onClick={() => {
              setKind(k)
              setError(null)
            }}
          >
            {KIND_LABELS[k]}
          </View>
        ))}
      </View>
      {kind === 'drawn' ? (
        <SignaturePad
          onChange={(next) => {
            setStrokes(next)
            setError(null)
          }}
        />
      ) : (
        <View className='muted'>无需手写：领取时按刷脸核验的身份证姓名生成签名图样。</View>
      )}
      {alert}
      <ActionButton label='下一步：设置签署密码' onClick={toPin} />
    </View>
  )
}
