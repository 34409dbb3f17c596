import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import type { SignTaskPreview, SignTaskView } from '../../contract/esign/schemas'
import { scanSignTask } from '../../api/signing/scanSignTask'
import { apiClient } from '../../core/apiClient'
import { ROUTES } from '../../core/routes'
import type { FaceStep } from '../../core/faceStep'
import { switchTab } from '../../platform/navigation'
import { ActionButton } from '../../ui/ActionButton'
import { ErrorText } from '../../ui/ErrorText'
import { StatusView } from '../../ui/StatusView'
import { TextField } from '../../ui/TextField'
import { ConfirmStep } from './ConfirmStep'
import { readSignTicket } from './readSignTicket'
import { SignedCard } from './SignedCard'
import { signErrorMessage } from './signErrors'

type Step =
  | { kind: 'input'; error?: string }
  | { kind: 'opening' }
  | { kind: 'preview'; preview: SignTaskPreview }
  | { kind: 'finished'; task: SignTaskView }

/**
 * 扫码签章: a code (scanned, pasted, or the `?t=` of the link the QR opens) → what would be signed →
 * confirm by face or with the signing PIN, or refuse.
 */
export function SignScreen(props: {
  initialInput?: string
  /** The face step for confirming by face (supplied by the page); without it only the PIN is offered. */
  FaceStep?: FaceStep
  /** Opens the camera; null when the user backed out or scanning is unavailable (undefined hides the button). */
  onScan?: () => Promise<string | null>
}) {
  const [input, setInput] = useState('')
  const [step, setStep] = useState<Step>({ kind: 'input' })

  const open = async (value: string) => {
    const read = readSignTicket(value)
    if (!read.ok) {
      setStep({ kind: 'input', error: read.message })
      return
    }
    setStep({ kind: 'opening' })
    try {
      setStep({ kind: 'preview', preview: await scanSignTask(apiClient, read.ticket) })
    } catch (error) {
      setStep({ kind: 'input', error: signErrorMessage(error) })
    }
  }

  useEffect(() => {
    if (props.initialInput) void open(props.initialInput)
    // Only the link the page was opened with; later input goes through the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const scan = async () => {
    if (!props.onScan) return
    try {
      const value = await props.onScan()
      if (value !== null) await open(value)
    } catch (error) {
      setStep({ kind: 'input', error: error instanceof Error ? error.message : '扫码失败，请重试' })
    }
  }

  if (step.kind === 'opening') return <StatusView kind='loading' text='正在读取签章内容…' />
  if (step.kind === 'preview') {
    return (
      <ConfirmStep
        preview={step.preview}
        FaceStep={props.FaceStep}
        onFinished={(task) => setStep({ kind: 'finished', task })}
      />
    )
  }
  if (step.kind === 'finished') return <SignedCard task={step.task} onAgain={() => setStep({ kind: 'input' })} />
  return (
    <View className='card'>
      <View className='title'>扫码签章</View>
      <View className='muted'>扫描业务系统显示的签章码，或粘贴签章链接。</View>
      {props.onScan ? <ActionButton label='扫描签章码' onClick={scan} /> : null}
      <TextField label='签章链接' value={input} maxlength={200} placeholder='粘贴签章链接' onChange={setInput} />
      <ErrorText message={step.error} />
      <ActionButton label='查看签署内容' variant='secondary' onClick={() => open(input)} />
      {step.error ? (
        <ActionButton label='返回工作台' variant='secondary' onClick={() => switchTab(ROUTES.workbench)} />
      ) : null}
    </View>
  )
}
