import { useState } from 'react'
import { Textarea, View } from '@tarojs/components'
import type { ComplaintView } from '../../contract/complaints/schemas'
import { takeComplaintAction, type SubmitterAction } from '../../api/complaints/takeComplaintAction'
import { userMessage } from '../../api/errors'
import { apiClient } from '../../core/apiClient'
import { characterCount, MAX_NOTE_CHARS } from '../../domain/complaints/validation'
import { confirm, toast } from '../../platform/feedback'
import { ActionButton } from '../../ui/ActionButton'
import { RatingPanel } from './RatingPanel'

/** The steps the submitter may take now, as the server lists them (availableActions). */
export function ComplaintActions(props: { view: ComplaintView; onChanged: (view: ComplaintView) => void }) {
  const { view } = props
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [addition, setAddition] = useState('')
  const can = (type: SubmitterAction['type']) => view.availableActions.includes(type)

  const run = async (action: SubmitterAction, done: string): Promise<boolean> => {
    setBusy(true)
    setError(null)
    try {
      props.onChanged(await takeComplaintAction(apiClient, view.id, action))
      toast(done, 'success')
      return true
    } catch (e) {
      setError(userMessage(e))
      return false
    } finally {
      setBusy(false)
    }
  }

  const withdraw = async () => {
    const sure = await confirm({
      title: '撤回诉求',
      content: '撤回后本诉求不再办理，且不能恢复。确定撤回吗？',
      confirmText: '撤回',
    })
    if (sure) await run({ type: 'withdraw' }, '已撤回')
  }

  const supply = async () => {
    const text = addition.trim()
    if (!text) return setError('请填写补充内容')
    if (characterCount(text) > MAX_NOTE_CHARS) return setError(`内容不能超过 ${MAX_NOTE_CHARS} 个字`)
    if (await run({ type: 'supply-info', addition: text }, '已补充')) setAddition('')
  }

  const visit = view.case.returnVisit
  const waitingForFix = view.case.state === 'return-visit' && !can('rate')
  const question =
    view.case.state === 'needs-info' ? [...view.timeline].reverse().find((e) => e.step === 'request-info') : null

  return (
    <View>
      {can('supply-info') ? (
        <View className='card'>
          <View className='title'>需要您补充材料</View>
          {question?.note ? <View>{question.note}</View> : null}
          <Textarea
            className='input'
            value={addition}
            placeholder='请填写补充内容'
            ariaLabel='补充内容'
            onInput={(e) => setAddition(e.detail.value)}
          />
          <ActionButton label='提交补充材料' disabled={busy} onClick={() => void supply()} />
        </View>
      ) : null}
      {can('rate') ? (
        <RatingPanel
          final={view.case.state === 'return-visit'}
          busy={busy}
          onRate={(level, comment) => run({ type: 'rate', level, comment: comment || undefined }, '感谢您的评价')}
        />
      ) : null}
      {waitingForFix && visit ? (
        <View className='muted' ariaRole='status'>
          整改完成后（或整改期限 {visit.rectifyBy} 过后）可再次评价
        </View>
      ) : null}
      {can('withdraw') ? (
        <ActionButton variant='danger' label='撤回诉求' disabled={busy} onClick={() => void withdraw()} />
      ) : null}
      {error ? (
        <View className='error-text' ariaRole='alert'>
          {error}
        </View>
      ) : null}
    </View>
  )
}
