import { useState } from 'react'
import { View } from '@tarojs/components'
import type { FaceTicketIssued } from '../../contract/esign/schemas'
import { claimSeals } from '../../api/seals/claimSeals'
import { apiClient } from '../../core/apiClient'
import type { FaceStep } from '../../core/faceStep'
import { checkSigningPin, SIGNING_PIN_PROBLEM_MESSAGES } from '../../domain/signing/pin'
import { ActionButton } from '../../ui/ActionButton'
import { ErrorText } from '../../ui/ErrorText'
import { PinField } from './PinField'

/**
 * 领取电子印章: the legal representative sets the signing PIN (twice) first, then verifies by face;
 * the claim follows at once because a face ticket lasts only 5 minutes.
 */
export function SealClaim(props: { enterpriseId: string; FaceStep: FaceStep; onClaimed: () => void }) {
  const [pin, setPin] = useState('')
  const [again, setAgain] = useState('')
  const [pinReady, setPinReady] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const choosePin = () => {
    const checked = checkSigningPin(pin)
    if (!checked.ok) setError(SIGNING_PIN_PROBLEM_MESSAGES[checked.problem])
    else if (pin !== again) setError('两次输入的签署密码不一致')
    else {
      setError(null)
      setPinReady(true)
    }
  }

  const claim = async (ticket: FaceTicketIssued) => {
    await claimSeals(apiClient, props.enterpriseId, { ticket: ticket.ticket, pin })
    props.onClaimed()
  }

  if (pinReady) {
    const { FaceStep } = props
    return (
      <View>
        <View className='card'>
          <View className='muted'>签署密码已设置。请法定代表人本人刷脸，核验通过后即领取本企业的全部电子印章。</View>
          <ActionButton label='重新设置签署密码' variant='secondary' onClick={() => setPinReady(false)} />
        </View>
        <FaceStep purpose='claim-seal' enterpriseId={props.enterpriseId} onTicket={claim} />
      </View>
    )
  }
  return (
    <View className='card'>
      <View className='title'>领取电子印章</View>
      <View className='muted'>
        本企业尚未领取电子印章。法定代表人刷脸后即可领取公章、财务专用章、合同专用章和法定代表人名章。先设置 6
        位数字签署密码，签章时用它确认。
      </View>
      <PinField label='签署密码' value={pin} onChange={setPin} />
      <PinField label='再次输入签署密码' value={again} onChange={setAgain} />
      <ErrorText message={error} />
      <ActionButton label='下一步：刷脸领取' onClick={choosePin} />
    </View>
  )
}
