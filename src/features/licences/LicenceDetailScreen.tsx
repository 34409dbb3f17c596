import { useCallback, useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import type { LicenceView } from '../../contract/licences/schemas'
import { isPermissionRefusal, userMessage } from '../../api/errors'
import { deleteLicence } from '../../api/licences/deleteLicence'
import { getLicence } from '../../api/licences/getLicence'
import { markRenewalStarted } from '../../api/licences/markRenewalStarted'
import { undoRenewalStarted } from '../../api/licences/undoRenewalStarted'
import { apiClient } from '../../core/apiClient'
import { toast } from '../../platform/feedback'
import { ActionButton } from '../../ui/ActionButton'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { ErrorText } from '../../ui/ErrorText'
import { StatusView } from '../../ui/StatusView'
import { countdownText } from './countdown'
import { RenewedForm } from './RenewedForm'
import { StatusChip } from './StatusChip'
import { useLicenceTypes } from './typesStore'

type Load =
  { kind: 'loading' } | { kind: 'error'; text: string; refused: boolean } | { kind: 'ready'; licence: LicenceView }

/** The actions asked about first: one is hard to undo (删除), one changes what reminds (已提交续期). */
type Asking = 'delete' | 'renewal-started' | null

/** One licence: its dates, the renewal deadline, what to prepare and where, and the actions. */
export function LicenceDetailScreen(props: {
  licenceId: string
  onEdit: () => void
  onDeleted: () => void
  onChanged: () => void
}) {
  const [state, setState] = useState<Load>({ kind: 'loading' })
  const [renewing, setRenewing] = useState(false)
  const [asking, setAsking] = useState<Asking>(null)
  const [busy, setBusy] = useState(false)
  const [actionError, setActionError] = useState<string | null>(null)
  const { types, ensure } = useLicenceTypes()

  const load = useCallback(async () => {
    try {
      setState({ kind: 'ready', licence: await getLicence(apiClient, props.licenceId) })
    } catch (e) {
      setState({ kind: 'error', text: userMessage(e), refused: isPermissionRefusal(e) })
    }
  }, [props.licenceId])

  useEffect(() => {
    void load()
    void ensure()
  }, [load, ensure])

  if (state.kind === 'loading') return <StatusView kind='loading' />
  if (state.kind === 'error')
    return <StatusView kind='error' text={state.text} refused={state.refused} onRetry={load} />
  const l = state.licence
  const type = types.find((t) => t.code === l.typeCode)

  /** Runs an action; true when it succeeded (its error is shown otherwise). */
  const act = async (action: () => Promise<LicenceView | void>, done: string): Promise<boolean> => {
    setActionError(null)
    setBusy(true)
    try {
      const updated = await action()
      if (updated) setState({ kind: 'ready', licence: updated })
      toast(done, 'success')
      props.onChanged()
      return true
    } catch (e) {
      setActionError(userMessage(e))
      return false
    } finally {
      setBusy(false)
      setAsking(null)
    }
  }

  const remove = async () => {
    // Leave the page only once the server has deleted it; otherwise stay and show why.
    if (await act(() => deleteLicence(apiClient, l.id), '已删除')) props.onDeleted()
  }

  const rows: [string, string][] = [
    ['证照编号', l.number],
    ['发证机关', l.authority],
    ['发证日期', l.issuedOn],
    ['有效期至', l.expiresOn],
    ['续期申请截止', `${l.latestApplyOn}${l.estimate ? '（预计）' : ''}`],
  ]
  if (l.earliestApplyOn) rows.push(['最早可申请', l.earliestApplyOn])
  if (l.scope) rows.push(['许可范围', l.scope])

  return (
    <View>
      <View className='card'>
        <View className='row'>
          <View className='title'>{l.typeName}</View>
          <StatusChip status={l.status} />
        </View>
        <View>{countdownText(l)}</View>
        {l.estimate ? (
          <View className='banner banner--estimate'>
            「预计」：截止日所在年份的法定节假日尚未公布，按周一至周五推算，公布后将自动更新。
          </View>
        ) : null}
        {l.movedOffDayOff ? (
          <View className='muted'>
            法定截止日 {l.legalLatestApplyOn} 为休息日，建议在此前的工作日 {l.latestApplyOn} 前提交。
          </View>
        ) : null}
        {rows.map(([label, value]) => (
          <View className='row' key={label}>
            <View className='muted row__label'>{label}</View>
            <View className='row__value'>{value}</View>
          </View>
        ))}
      </View>

      {type ? (
        <View className='card'>
          <View className='title'>如何续期</View>
          <View className='muted'>
            续期规则：{type.leadRuleText}（{type.source}）
          </View>
          <View className='title'>需准备的材料</View>
          {type.materials.map((m, i) => (
            <View key={m}>
              {i + 1}. {m}
            </View>
          ))}
          <View className='title'>办理渠道</View>
          <View>{type.applyAt}</View>
        </View>
      ) : null}

      <ErrorText message={actionError} />
      {l.status !== 'renewing' && l.status !== 'cancelled' ? (
        <ActionButton label='已提交续期' onClick={() => setAsking('renewal-started')} />
      ) : null}
      {l.status === 'renewing' ? (
        <View className='card' ariaRole='status'>
          <View>
            续期办理中{l.renewalStartedOn ? `（${l.renewalStartedOn} 标记）` : ''}
            ：续期申请截止日和到期日仍会提醒，取得新证后请点「已换新证」。
          </View>
          <ActionButton
            variant='secondary'
            label='撤销已提交续期'
            disabled={busy}
            onClick={() => act(() => undoRenewalStarted(apiClient, l.id), '已撤销')}
          >
            撤销
          </ActionButton>
        </View>
      ) : null}
      {renewing ? (
        <RenewedForm
          licence={l}
          onCancel={() => setRenewing(false)}
          onSaved={(updated) => {
            setRenewing(false)
            setState({ kind: 'ready', licence: updated })
            props.onChanged()
          }}
        />
      ) : (
        <ActionButton variant='secondary' label='已换新证' onClick={() => setRenewing(true)} />
      )}
      <ActionButton variant='secondary' label='编辑' onClick={props.onEdit} />
      <ActionButton variant='danger' label='删除证照' onClick={() => setAsking('delete')} />

      {asking === 'delete' ? (
        <ConfirmDialog
          title='删除证照'
          destructive
          confirmLabel='删除'
          confirmDisabled={busy}
          onConfirm={remove}
          onCancel={() => setAsking(null)}
        >
          <View className='muted'>
            确定删除「{l.typeName}」（{l.number}）？删除后不再提醒，也无法恢复。
          </View>
        </ConfirmDialog>
      ) : null}
      {asking === 'renewal-started' ? (
        <ConfirmDialog
          title='确认已提交续期申请？'
          confirmLabel='确认已提交'
          confirmDisabled={busy}
          onConfirm={() => act(() => markRenewalStarted(apiClient, l.id), '已标记为续期办理中')}
          onCancel={() => setAsking(null)}
        >
          <View className='muted'>
            标记后不再按倒数天数提醒；续期申请截止日（{l.latestApplyOn}）和到期日（{l.expiresOn}
            ）仍会提醒，直到您登记「已换新证」。标记错了可以撤销。
          </View>
        </ConfirmDialog>
      ) : null}

      {l.history.length > 0 ? (
        <View className='card'>
          <View className='title'>历史证书</View>
          {l.history.map((h) => (
            <View key={`${h.number}-${h.replacedOn}`} className='muted'>
              {h.number}：{h.issuedOn} 至 {h.expiresOn}（{h.replacedOn} 换新）
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
