import { Text, View } from '@tarojs/components'
import type { SignerPreview, SignTaskPreview } from '../../../server/contract-seals'
import { SvgImage } from '../../ui/SvgImage'
import { countdownText } from './useCountdown'

const ROLE_LABELS: Record<'legal_representative' | 'handler', string> = {
  legal_representative: '法定代表人签名',
  handler: '经办人签名',
}

function signerName(signer: SignerPreview): string {
  return signer.kind === 'seal' ? signer.sealName : `${ROLE_LABELS[signer.role]}：${signer.holderName}`
}

/** What the scanner is about to sign: the document, who asks, for which enterprise, with what. */
export function SignPreviewCard(props: { preview: SignTaskPreview; secondsLeft: number }) {
  const { preview, secondsLeft } = props
  return (
    <View className='card'>
      <View className='title'>{preview.documentName}</View>
      <View className='muted'>发起系统：{preview.requestedBy}</View>
      <View className='muted'>
        签署企业：{preview.enterprise.name}（{preview.enterprise.uscc}）
      </View>
      <View className='muted'>文件 SM3 摘要：</View>
      <Text className='mono' style={{ wordBreak: 'break-all' }} userSelect>
        {preview.documentSm3}
      </Text>
      <View className='field__label'>将使用的印章 / 签名</View>
      {preview.signers.map((signer) => (
        <View key={signer.kind === 'seal' ? signer.sealId : signer.role} className='row'>
          <SvgImage className='seal-image' svg={signer.imageSvg} label={signerName(signer)} width={64} height={64} />
          <Text>{signerName(signer)}</Text>
        </View>
      ))}
      <View className={secondsLeft > 0 ? 'banner' : 'banner error-text'} ariaRole='timer'>
        {secondsLeft > 0 ? `签章码 ${countdownText(secondsLeft)} 后过期` : '签章码已过期，请让业务系统重新生成二维码'}
      </View>
    </View>
  )
}
