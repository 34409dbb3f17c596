import { useEffect, useRef, useState } from 'react'
import { Textarea, View } from '@tarojs/components'
import type { SealVerificationRequest, SealVerificationResult } from '../../contract/esign/schemas'
import { isApiError, userMessage } from '../../api/errors'
import { verifySeal } from '../../api/signing/verifySeal'
import { apiClient } from '../../core/apiClient'
import { parseVerificationLink } from '../../domain/signing/verificationLink'
import { sm3HexOf } from '../../domain/signing/sm3'
import { chooseFile } from '../../platform/files'
import { ActionButton } from '../../ui/ActionButton'
import { ErrorText } from '../../ui/ErrorText'
import { StatusView } from '../../ui/StatusView'
import { TextField } from '../../ui/TextField'
import { VerificationReport } from './VerificationReport'
import {
  normaliseSm3,
  parseSignatureRecord,
  readSignatureFile,
  RECORD_FILE_PROBLEM,
  RECORD_PROBLEM_MESSAGES,
  signatureSourceOf,
  type SignatureFileInput,
} from './verificationText'

type Outcome =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'error'; text: string; retry?: () => void }
  | { kind: 'done'; result: SealVerificationResult; basis: string }

const RECORD_LABEL = '签章记录（JSON）'
const SM3_LABEL = '文件 SM3 摘要'

/**
 * 验章, open to anyone without login: choose the signed file (hashed here with SM3) and the
 * signature file downloaded at signing — or open the verification link signing produced — and read
 * the verdict check by check, as the server lists it. Every new input clears the last verdict, and
 * an answer to an older input is dropped.
 */
export function VerifyScreen(props: {
  /** From a verification link: a signature record of ours by id, and the SM3 it was signed over. */
  initialRecordId?: string
  initialHash?: string
  /** Older links carried the record itself and the SM3: they fill the pasted form. */
  initialRecord?: string
  initialSm3?: string
  /** Mini-programs: opens the camera for a verification QR; its text, or null when backed out. */
  onScan?: () => Promise<string | null>
  /** The page was opened with a verification link that cannot be used (verificationLink.ts). */
  linkBroken?: boolean
}) {
  // Cleared when the server knows no such record: the page then asks for the signature file instead.
  const [linkRecordId, setLinkRecordId] = useState(props.initialRecordId)
  const [signedFile, setSignedFile] = useState<{ name: string; sm3: string } | null>(null)
  const [recordFile, setRecordFile] = useState<{ name: string; input: SignatureFileInput } | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [manual, setManual] = useState(Boolean(props.initialRecord))
  const [recordText, setRecordText] = useState(props.initialRecord ?? '')
  const [sm3Text, setSm3Text] = useState(props.initialSm3 ?? '')
  const [errors, setErrors] = useState<{ record?: string; sm3?: string }>({})
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' })
  const latest = useRef(0)

  /** Any new input: the verdict on screen no longer answers it. */
  const cleared = () => {
    latest.current++
    setOutcome({ kind: 'idle' })
  }

  const run = async (request: SealVerificationRequest, basis: string) => {
    const mine = ++latest.current
    const retry = () => void run(request, basis)
    setOutcome({ kind: 'checking' })
    try {
      const result = await verifySeal(apiClient, request)
      if (mine === latest.current) setOutcome({ kind: 'done', result, basis })
    } catch (error) {
      if (mine !== latest.current) return
      // The server's answer to this input (a record it does not know, a malformed one): asking again
      // changes nothing. Network failures, timeouts and 5xx are worth 重试.
      const answered = isApiError(error) && error.name === 'BusinessError' && error.status < 500
      if (answered && request.recordId && error.code === 'NOT_FOUND') setLinkRecordId(undefined)
      setOutcome({ kind: 'error', text: userMessage(error), retry: answered ? undefined : retry })
    }
  }

  const verifyFiles = (signed: typeof signedFile, record: typeof recordFile) => {
    // A signature file the user chose answers for itself, even on a page a link opened.
    if (signed && record) {
      return run(
        { ...signatureSourceOf(record.input), documentSm3: signed.sm3 },
        `依据：您选择的文件《${signed.name}》`,
      )
    }
    if (linkRecordId && signed) {
      return run({ recordId: linkRecordId, documentSm3: signed.sm3 }, `依据：您选择的文件《${signed.name}》`)
    }
    return undefined
  }

  useEffect(() => {
    if (linkRecordId && props.initialHash) {
      void run({ recordId: linkRecordId, documentSm3: props.initialHash }, '依据：验章链接中的文件摘要')
    }
    // Only the link the page was opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const choose = async (which: 'signed' | 'record') => {
    setFileError(null)
    let file
    try {
      file = await chooseFile()
    } catch (error) {
      setFileError(error instanceof Error ? error.message : '选择文件失败，请重试')
      return
    }
    if (!file) return
    cleared()
    try {
      await takeChosen(which, file)
    } catch {
      setFileError('文件读取失败，请重新选择')
    }
  }

  const takeChosen = async (which: 'signed' | 'record', file: { name: string; bytes: Uint8Array }) => {
    if (which === 'signed') {
      const signed = { name: file.name, sm3: sm3HexOf(file.bytes) }
      setSignedFile(signed)
      await verifyFiles(signed, recordFile)
      return
    }
    const input = readSignatureFile(file.bytes)
    if (!input) {
      setRecordFile(null)
      setFileError(RECORD_FILE_PROBLEM)
      return
    }
    const record = { name: file.name, input }
    setRecordFile(record)
    // From now on the chosen signature file, not the link's record, is what is verified.
    setLinkRecordId(undefined)
    await verifyFiles(signedFile, record)
  }

  /** 扫码验章: a verification QR names the record and the hash, like the link it encodes. */
  const scanCode = async () => {
    setFileError(null)
    let text: string | null
    try {
      text = (await props.onScan?.()) ?? null
    } catch (error) {
      setFileError(error instanceof Error ? error.message : '扫码失败，请重试')
      return
    }
    if (text === null) return
    const link = parseVerificationLink(text)
    if (!link) {
      setFileError('这不是验章二维码：请扫描签署完成后生成的验章二维码')
      return
    }
    cleared()
    setLinkRecordId(link.recordId)
    setSignedFile(null)
    await run({ recordId: link.recordId, documentSm3: link.documentSm3 }, '依据：验章二维码中的文件摘要')
  }

  const submitPasted = async () => {
    const parsed = parseSignatureRecord(recordText)
    const sm3 = normaliseSm3(sm3Text)
    setErrors({
      record: parsed.ok ? undefined : RECORD_PROBLEM_MESSAGES[parsed.problem],
      sm3: sm3 ? undefined : '请填写 64 位十六进制的 SM3 摘要',
    })
    cleared()
    if (!parsed.ok || !sm3) return
    await run({ signatureRecord: parsed.record, documentSm3: sm3 }, '依据：粘贴的签章记录和摘要')
  }

  return (
    <View>
      <View className='card'>
        <View className='title'>验章</View>
        {props.linkBroken ? (
          <ErrorText message='验章链接不完整或已损坏：请选择已签署的文件和签章文件进行核验。' />
        ) : null}
        {linkRecordId ? (
          <View className='muted'>
            已通过验章链接打开签章记录。可再选择您手中的文件，核对它是否就是签署的那份文件。无需登录。
          </View>
        ) : (
          <View className='muted'>
            选择已签署的文件，以及签署完成后下载的签章文件，即可核验文件是否被修改、印章是否真实有效。无需登录。
          </View>
        )}
        <ActionButton label='选择已签署的文件' variant='secondary' onClick={() => choose('signed')} />
        {signedFile ? <View className='muted'>已选择文件：{signedFile.name}</View> : null}
        {/* Also on a page a link opened: the user may hold the signature file and verify with it instead. */}
        <ActionButton label='选择签章文件' variant='secondary' onClick={() => choose('record')} />
        {props.onScan ? <ActionButton label='扫码验章' variant='secondary' onClick={scanCode} /> : null}
        {recordFile ? <View className='muted'>已选择签章文件：{recordFile.name}</View> : null}
        <ErrorText message={fileError} />
        {!linkRecordId && !manual ? (
          <View className='muted' ariaRole='button' onClick={() => setManual(true)}>
            其他方式：粘贴签章记录和 SM3 摘要 ▼
          </View>
        ) : null}
        {manual && !linkRecordId ? (
          <View>
            <View className='field'>
              <View className='field__label'>{RECORD_LABEL}</View>
              <Textarea
                className='input'
                value={recordText}
                maxlength={-1}
                placeholder={RECORD_LABEL}
                ariaLabel={RECORD_LABEL}
                onInput={(e) => {
                  setRecordText(e.detail.value)
                  cleared()
                }}
              />
              {errors.record ? <View className='error-text'>{errors.record}</View> : null}
            </View>
            <TextField
              label={SM3_LABEL}
              value={sm3Text}
              maxlength={64}
              error={errors.sm3}
              onChange={(value) => {
                setSm3Text(value)
                cleared()
              }}
            />
            <ActionButton label='开始验章' disabled={outcome.kind === 'checking'} onClick={submitPasted} />
          </View>
        ) : null}
      </View>
      {outcome.kind === 'checking' ? <StatusView kind='loading' text='正在验章…' /> : null}
      {outcome.kind === 'error' ? <StatusView kind='error' text={outcome.text} onRetry={outcome.retry} /> : null}
      {outcome.kind === 'done' ? <VerificationReport result={outcome.result} basis={outcome.basis} /> : null}
    </View>
  )
}
