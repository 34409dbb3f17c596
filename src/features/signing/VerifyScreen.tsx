import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import type { SealVerificationResult } from '../../../server/contract-seals'
import { userMessage } from '../../api/errors'
import { verifySeal } from '../../api/signing/verifySeal'
import { apiClient } from '../../core/apiClient'
import { ActionButton } from '../../ui/ActionButton'
import { StatusView } from '../../ui/StatusView'
import { TextField } from '../../ui/TextField'
import { chinaDateTimeOf } from '../../domain/calendar/dates'
import { normaliseSm3, parseSignatureRecord, RECORD_PROBLEM_MESSAGES, VERIFICATION_CHECKS } from './verificationText'

type Outcome =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'error'; text: string }
  | { kind: 'done'; result: SealVerificationResult }

const RECORD_LABEL = '签章记录（JSON）'
const SM3_LABEL = '文件 SM3 摘要'

/** 验章: anyone checks a signature record against the document's SM3; no login needed. */
export function VerifyScreen(props: { initialRecord?: string; initialSm3?: string }) {
  const [recordText, setRecordText] = useState(props.initialRecord ?? '')
  const [sm3Text, setSm3Text] = useState(props.initialSm3 ?? '')
  const [errors, setErrors] = useState<{ record?: string; sm3?: string }>({})
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' })

  const submit = async () => {
    const parsed = parseSignatureRecord(recordText)
    const sm3 = normaliseSm3(sm3Text)
    const next = {
      record: parsed.ok ? undefined : RECORD_PROBLEM_MESSAGES[parsed.problem],
      sm3: sm3 ? undefined : '请填写 64 位十六进制的 SM3 摘要',
    }
    setErrors(next)
    if (!parsed.ok || !sm3) return
    setOutcome({ kind: 'checking' })
    try {
      setOutcome({
        kind: 'done',
        result: await verifySeal(apiClient, { signatureRecord: parsed.record, documentSm3: sm3 }),
      })
    } catch (error) {
      setOutcome({ kind: 'error', text: userMessage(error) })
    }
  }

  return (
    <View>
      <View className='card'>
        <View className='title'>验章</View>
        <View className='muted'>粘贴签章记录，并填写文件的 SM3 摘要，即可核验文件是否被修改、印章是否真实有效。</View>
        <View className='field'>
          <View className='field__label'>{RECORD_LABEL}</View>
          <Textarea
            className='input'
            value={recordText}
            maxlength={-1}
            placeholder={RECORD_LABEL}
            ariaLabel={RECORD_LABEL}
            onInput={(e) => setRecordText(e.detail.value)}
          />
          {errors.record ? <View className='error-text'>{errors.record}</View> : null}
        </View>
        <TextField label={SM3_LABEL} value={sm3Text} maxlength={64} error={errors.sm3} onChange={setSm3Text} />
        <ActionButton label='开始验章' disabled={outcome.kind === 'checking'} onClick={submit} />
      </View>
      {outcome.kind === 'checking' ? <StatusView kind='loading' text='正在验章…' /> : null}
      {outcome.kind === 'error' ? <StatusView kind='error' text={outcome.text} onRetry={submit} /> : null}
      {outcome.kind === 'done' ? <VerificationReport result={outcome.result} /> : null}
    </View>
  )
}

function VerificationReport(props: { result: SealVerificationResult }) {
  const { result } = props
  return (
    <View className='card' ariaRole='status'>
      <View className={result.valid ? 'title' : 'title error-text'}>
        {result.valid ? '验章通过：签章真实有效' : '验章未通过：签章无效'}
      </View>
      {result.seal ? (
        <View className='muted'>
          {result.seal.name}（{result.seal.holder}）
        </View>
      ) : null}
      {result.signedAt ? <View className='muted'>签章时间：{chinaDateTimeOf(result.signedAt)}</View> : null}
      {VERIFICATION_CHECKS.map((check) => {
        const passed = result.checks[check.key]
        return (
          <View key={check.key} className='row' data-check={check.key}>
            <Text className='row__label'>{`${passed ? '✓' : '✗'} ${check.name}：`}</Text>
            <Text className={passed ? '' : 'error-text'}>{passed ? check.passed : check.failed}</Text>
          </View>
        )
      })}
      {result.problems.map((problem) => (
        <View key={problem} className='error-text'>
          {problem}
        </View>
      ))}
    </View>
  )
}
