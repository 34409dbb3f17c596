import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { SealVerificationResult, VerificationReceipt } from '../../contract/esign/schemas'
import { chinaDateTimeOf } from '../../domain/calendar/dates'
import { calendarFileWay, isCancelled, saveTextFile } from '../../platform/files'
import { ActionButton } from '../../ui/ActionButton'
import { verdictLine } from './verificationText'

const SAVED = { download: '已开始下载验章回执', shared: '验章回执已发送' } as const

/** 验章回执-<record id or hash, short>-<time>.json: tells receipts apart in a downloads folder. */
function receiptFileName(receipt: VerificationReceipt): string {
  let about = 'receipt'
  try {
    const payload = JSON.parse(receipt.payload) as { recordId?: string | null; documentSm3?: string }
    about = (payload.recordId ?? payload.documentSm3 ?? about).slice(0, 8)
  } catch {
    // The name is only a convenience; the file is the same.
  }
  return `验章回执-${about}.json`
}

/** 下载验章回执: the signed result as a JSON file, where a file can reach the user. */
function ReceiptDownload(props: { receipt: VerificationReceipt }) {
  const [note, setNote] = useState<string | null>(null)
  if (calendarFileWay() === null) return null
  const save = async () => {
    try {
      const saved = await saveTextFile(
        receiptFileName(props.receipt),
        `${JSON.stringify(props.receipt, null, 2)}\n`,
        'application/json',
      )
      setNote(SAVED[saved.via])
    } catch (error) {
      if (!isCancelled(error)) setNote('验章回执未能保存，请稍后重试')
    }
  }
  return (
    <View>
      <ActionButton label='下载验章回执' variant='secondary' onClick={save} />
      <View className='muted'>回执由平台签名，可用 OpenSSL 离线核验（见说明文档「在本机用 OpenSSL 复核」）。</View>
      {note ? (
        <View className='muted' ariaRole='status'>
          {note}
        </View>
      ) : null}
    </View>
  )
}

/** The verdict in one line, then each step as the server lists it, in words; the receipt to keep. */
export function VerificationReport(props: { result: SealVerificationResult; basis: string }) {
  const { result } = props
  return (
    <View className='card' ariaRole='status'>
      <View className={result.valid ? 'title' : 'title error-text'}>{verdictLine(result)}</View>
      {result.seal ? (
        <View className='muted'>
          {result.seal.name}（{result.seal.holder}）
        </View>
      ) : null}
      {result.signedAt ? <View className='muted'>签章时间：{chinaDateTimeOf(result.signedAt)}</View> : null}
      <View className='muted'>{props.basis}</View>
      {result.steps.map((step) => (
        <View key={step.key} className='row' data-check={step.key}>
          <Text className='row__label'>{`${step.passed ? '✓' : '✗'} ${step.name}：`}</Text>
          <Text className={step.passed ? '' : 'error-text'}>{step.text}</Text>
        </View>
      ))}
      {result.steps.length === 0
        ? result.problems.map((problem) => (
            <View key={problem} className='error-text'>
              {problem}
            </View>
          ))
        : null}
      {result.receipt ? <ReceiptDownload receipt={result.receipt} /> : null}
    </View>
  )
}
