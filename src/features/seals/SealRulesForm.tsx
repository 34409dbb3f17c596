import { useCallback, useState } from 'react'
import { View } from '@tarojs/components'
import type { SealRulesView, SealView } from '../../contract/esign/schemas'
import { getSealRules } from '../../api/seals/getSealRules'
import { saveSealRules } from '../../api/seals/saveSealRules'
import { userMessage } from '../../api/errors'
import { apiClient } from '../../core/apiClient'
import { confirm, toast } from '../../platform/feedback'
import { ActionButton } from '../../ui/ActionButton'
import { ErrorText } from '../../ui/ErrorText'
import { LabelledSwitch } from '../../ui/LabelledSwitch'
import { StatusView } from '../../ui/StatusView'
import { TextField } from '../../ui/TextField'
import { ToggleChip } from '../../ui/ToggleChip'
import {
  DOCUMENT_TYPE_LABELS,
  DOCUMENT_TYPES,
  formatFen,
  isClockTime,
  minutesOf,
  parseYuanToFen,
  type DocumentType,
  type SealRules,
} from '../../domain/signing/sealRules'
import { useLoad } from './useLoad'

/** The rules as the legal representative will read them before saving. */
export function rulesSummary(rules: SealRules, systemNames: Map<string, string>): string {
  const lines = [
    rules.systemIds.length
      ? `仅以下业务系统可申请：${rules.systemIds.map((id) => systemNames.get(id) ?? '未知系统').join('、')}`
      : '任何业务系统都可申请',
    rules.documentTypes.length
      ? `仅用于：${rules.documentTypes.map((t) => DOCUMENT_TYPE_LABELS[t]).join('、')}`
      : '任何文件类型',
    rules.hours ? `用章时间 ${rules.hours.from}–${rules.hours.to}（北京时间）` : '任何时间可用章',
  ]
  if (rules.workingDaysOnly) lines.push('仅工作日（按国家法定节假日安排）')
  lines.push(rules.dailyLimit !== null ? `每天至多 ${rules.dailyLimit} 次` : '每天不限次数')
  if (rules.secondApproval)
    lines.push(`金额达 ${formatFen(rules.secondApproval.minAmountFen)}（或未注明金额）的合同需第二人确认`)
  return lines.join('；')
}

interface Draft {
  systemIds: string[]
  documentTypes: DocumentType[]
  limitHours: boolean
  from: string
  to: string
  workingDaysOnly: boolean
  dailyLimit: string
  dual: boolean
  minYuan: string
  approverUserIds: string[]
}

function draftOf(rules: SealRules): Draft {
  return {
    systemIds: rules.systemIds,
    documentTypes: rules.documentTypes,
    limitHours: rules.hours !== null,
    from: rules.hours?.from ?? '08:00',
    to: rules.hours?.to ?? '20:00',
    workingDaysOnly: rules.workingDaysOnly,
    dailyLimit: rules.dailyLimit === null ? '' : String(rules.dailyLimit),
    dual: rules.secondApproval !== null,
    minYuan: rules.secondApproval ? String(rules.secondApproval.minAmountFen / 100) : '',
    approverUserIds: rules.secondApproval?.approverUserIds ?? [],
  }
}

/** The draft as rules, or the first problem in words. */
function rulesOf(draft: Draft): SealRules | string {
  if (draft.limitHours) {
    if (!isClockTime(draft.from) || !isClockTime(draft.to)) return '用章时间请按 08:00 的格式填写'
    if (minutesOf(draft.from) >= minutesOf(draft.to)) return '用章时间的开始应早于结束'
  }
  let dailyLimit: number | null = null
  if (draft.dailyLimit.trim()) {
    dailyLimit = Number(draft.dailyLimit.trim())
    if (!/^\d+$/.test(draft.dailyLimit.trim()) || dailyLimit < 1) return '每日次数上限请填写正整数，不限请留空'
  }
  let secondApproval: SealRules['secondApproval'] = null
  if (draft.dual) {
    const minAmountFen = parseYuanToFen(draft.minYuan)
    if (minAmountFen === null) return '请填写需第二人确认的金额（元）'
    if (draft.approverUserIds.length === 0) return '请至少选择一名第二审批人'
    secondApproval = { minAmountFen, approverUserIds: draft.approverUserIds }
  }
  return {
    systemIds: draft.systemIds,
    documentTypes: draft.documentTypes,
    hours: draft.limitHours ? { from: draft.from, to: draft.to } : null,
    workingDaysOnly: draft.workingDaysOnly,
    dailyLimit,
    secondApproval,
  }
}

function toggle<T>(list: T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item)
}

function RulesEditor(props: { enterpriseId: string; seal: SealView; view: SealRulesView; onDone: () => void }) {
  const { view, seal } = props
  const [draft, setDraft] = useState<Draft>(() => draftOf(view.rules))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))
  const systemNames = new Map(view.candidates.systems.map((s) => [s.id, s.name]))

  const save = async () => {
    const rules = rulesOf(draft)
    if (typeof rules === 'string') {
      setError(rules)
      return
    }
    setError(null)
    const ok = await confirm({
      title: `保存${seal.typeLabel}的用章规则`,
      content: `${rulesSummary(rules, systemNames)}。不符合规则的用章申请将被拒绝并记入用章记录。`,
      confirmText: '保存',
    })
    if (!ok) return
    setBusy(true)
    try {
      await saveSealRules(apiClient, props.enterpriseId, seal.id, rules)
      toast('已保存', 'success')
      props.onDone()
    } catch (e) {
      setError(userMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card'>
      <View className='title'>用章规则：{seal.typeLabel}</View>
      <View className='field__label'>允许申请的业务系统</View>
      <View className='muted'>不选表示任何已接入的业务系统都可申请用章</View>
      <View className='row'>
        {view.candidates.systems.map((system) => (
          <ToggleChip
            key={system.id}
            label={`允许${system.name}`}
            text={system.name}
            checked={draft.systemIds.includes(system.id)}
            onChange={(on) => set({ systemIds: toggle(draft.systemIds, system.id, on) })}
          />
        ))}
      </View>
      <View className='field__label'>允许的文件类型</View>
      <View className='muted'>不选表示任何文件；选了之后，未注明类型的文件也会被拒绝</View>
      <View className='row'>
        {DOCUMENT_TYPES.map((type) => (
          <ToggleChip
            key={type}
            label={`允许${DOCUMENT_TYPE_LABELS[type]}`}
            text={DOCUMENT_TYPE_LABELS[type]}
            checked={draft.documentTypes.includes(type)}
            onChange={(on) => set({ documentTypes: toggle(draft.documentTypes, type, on) })}
          />
        ))}
      </View>
      <LabelledSwitch
        label='限定用章时间'
        hint='只有在这段时间内（北京时间）确认的签署才会盖章，其余时间将被拒绝'
        checked={draft.limitHours}
        onChange={(on) => set({ limitHours: on })}
      />
      {draft.limitHours ? (
        <View>
          <TextField
            label='开始时间'
            value={draft.from}
            maxlength={5}
            placeholder='08:00'
            onChange={(v) => set({ from: v })}
          />
          <TextField
            label='结束时间'
            value={draft.to}
            maxlength={5}
            placeholder='20:00'
            onChange={(v) => set({ to: v })}
          />
        </View>
      ) : null}
      <LabelledSwitch
        label='仅工作日可用'
        hint='周末和法定节假日不能用章，调休上班日可以'
        checked={draft.workingDaysOnly}
        onChange={(on) => set({ workingDaysOnly: on })}
      />
      <TextField
        label='每日用章次数上限'
        value={draft.dailyLimit}
        maxlength={5}
        placeholder='不限请留空'
        onChange={(v) => set({ dailyLimit: v })}
      />
      {seal.type === 'contract' ? (
        <View>
          <LabelledSwitch
            label='大额合同需第二人确认'
            hint='达到金额（或未注明金额）的合同，须两个不同的人分别刷脸或输入签署密码确认后才盖章'
            checked={draft.dual}
            onChange={(on) => set({ dual: on })}
          />
          {draft.dual ? (
            <View>
              <TextField
                label='金额达到（元）'
                value={draft.minYuan}
                maxlength={16}
                placeholder='如 100000'
                onChange={(v) => set({ minYuan: v })}
              />
              <View className='field__label'>第二审批人（任选其一确认即可）</View>
              <View className='row'>
                {view.candidates.approvers.map((person) => (
                  <ToggleChip
                    key={person.userId}
                    label={`第二审批人${person.nameMasked}`}
                    text={`${person.nameMasked}（${person.role === 'legal_representative' ? '法定代表人' : '经办人'}）`}
                    checked={draft.approverUserIds.includes(person.userId)}
                    onChange={(on) => set({ approverUserIds: toggle(draft.approverUserIds, person.userId, on) })}
                  />
                ))}
              </View>
            </View>
          ) : null}
        </View>
      ) : null}
      <ErrorText message={error} />
      <ActionButton label='保存用章规则' disabled={busy} onClick={save} />
      <ActionButton label='取消' variant='secondary' onClick={props.onDone} />
    </View>
  )
}

/** 用章规则 of one seal (legal representative only): load, edit, confirm, save. */
export function SealRulesForm(props: { enterpriseId: string; seal: SealView; onDone: () => void }) {
  const fetchRules = useCallback(
    () => getSealRules(apiClient, props.enterpriseId, props.seal.id),
    [props.enterpriseId, props.seal.id],
  )
  const { state, reload } = useLoad(fetchRules)
  if (state.kind === 'loading') return <StatusView kind='loading' />
  if (state.kind === 'error')
    return <StatusView kind='error' text={state.text} refused={state.refused} onRetry={reload} />
  return <RulesEditor enterpriseId={props.enterpriseId} seal={props.seal} view={state.value} onDone={props.onDone} />
}
