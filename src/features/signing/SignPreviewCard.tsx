import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { SignerPreview, SignTaskPreview } from '../../contract/esign/schemas'
import { SvgImage } from '../../ui/SvgImage'
import { SignDocument } from './SignDocument'
import { countdownText } from './useCountdown'
import { DOCUMENT_TYPE_LABELS, formatFen } from '../../domain/signing/sealRules'

const ROLE_LABELS: Record<'legal_representative' | 'handler', string> = {
  legal_representative: '法定代表人签名',
  handler: '经办人签名',
}

function signerName(signer: SignerPreview): string {
  return signer.kind === 'seal' ? signer.sealName : `${ROLE_LABELS[signer.role]}：${signer.holderName}`
}

/**
 * What the scanner is about to sign: the document itself (open it before confirming), who asks,
 * for which enterprise, with what; the SM3 digest folded under 详细信息 for whoever compares it.
 */
export function SignPreviewCard(props: { preview: SignTaskPreview; secondsLeft: number }) {
  const { preview, secondsLeft } = props
  const [opened, setOpened] = useState(false)
  const [details, setDetails] = useState(false)
  const onOpened = useCallback(() => setOpened(true), [])
  return (
    <View className='card'>
      <View className='title'>{preview.documentName}</View>
      <SignDocument name={preview.documentName} document={preview.document} onOpened={onOpened} />
      {opened ? (
        <View className='muted' ariaRole='status'>
          已查看文件，请核对无误后再确认签署
        </View>
      ) : null}
      <View className='muted'>发起系统：{preview.requestedBy}</View>
      {preview.documentType || typeof preview.amountFen === 'number' ? (
        <View className='muted'>
          {preview.documentType ? `文件类型：${DOCUMENT_TYPE_LABELS[preview.documentType]}` : ''}
          {preview.documentType && typeof preview.amountFen === 'number' ? ' · ' : ''}
          {typeof preview.amountFen === 'number' ? `金额：${formatFen(preview.amountFen)}` : ''}
        </View>
      ) : null}
      {preview.approval ? (
        <View className='banner' ariaRole='status'>
          {preview.approval.firstConfirmedBy
            ? `本文件需两人确认：${preview.approval.firstConfirmedBy}已确认，待您（第二审批人）确认后盖章`
            : `本文件需两人确认：您确认后，还需 ${preview.approval.waitingFor.join('、') || '指定的第二审批人'} 中的一人确认`}
        </View>
      ) : null}
      <View className='muted'>
        签署企业：{preview.enterprise.name}（{preview.enterprise.uscc}）
      </View>
      <View
        className='muted'
        ariaRole='button'
        ariaLabel={details ? '收起详细信息' : '详细信息'}
        onClick={() => setDetails(!details)}
      >
        {details ? '收起详细信息 ▲' : '详细信息 ▼'}
      </View>
      {details ? (
        <View>
          <View className='muted'>文件 SM3 摘要：</View>
          <Text className='mono' style={{ wordBreak: 'break-all' }} userSelect>
            {preview.documentSm3}
          </Text>
        </View>
      ) : null}
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
