import { useCallback, useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import type { ComplianceSettingsView, PenaltyView } from '../../contract/compliance/schemas'
import { addPenalty } from '../../api/compliance/addPenalty'
import { deletePenalty } from '../../api/compliance/deletePenalty'
import { getComplianceSettings } from '../../api/compliance/getComplianceSettings'
import { saveComplianceSettings } from '../../api/compliance/saveComplianceSettings'
import { isPermissionRefusal, userMessage } from '../../api/errors'
import { apiClient } from '../../core/apiClient'
import type { RegisteredEntityType } from '../../domain/compliance/annualReport'
import { PENALTY_FIELD_NAMES, penaltyRecordProblems, type PenaltyField } from '../../domain/compliance/creditRepair'
import { taxSettingsProblems, type TaxSettings } from '../../domain/compliance/taxFiling'
import { ariaProps } from '../../platform/aria'
import { toast } from '../../platform/feedback'
import { ActionButton } from '../../ui/ActionButton'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { DateField } from '../../ui/DateField'
import { ErrorText } from '../../ui/ErrorText'
import { LabelledSwitch } from '../../ui/LabelledSwitch'
import { StatusView } from '../../ui/StatusView'
import { TextField } from '../../ui/TextField'

const ENTITY_TYPES: [RegisteredEntityType, string][] = [
  ['enterprise', '企业'],
  ['individual-business', '个体工商户'],
  ['cooperative', '农民专业合作社'],
]
const VAT_PAYERS: [TaxSettings['vatPayer'] | 'unset', string][] = [
  ['unset', '暂不设置'],
  ['general', '一般纳税人'],
  ['small', '小规模纳税人'],
  ['none', '非增值税纳税人'],
]
const STATEMENTS: [NonNullable<TaxSettings['financialStatements']>, string][] = [
  ['quarterly', '按季'],
  ['monthly', '按月'],
  ['none', '不报送'],
]

/** One choice of several, as a pressed chip (the same pattern as the licence filters). */
function Choice<T extends string>(props: { name: string; options: [T, string][]; value: T; onChange: (v: T) => void }) {
  return (
    <View className='chips' ariaLabel={props.name}>
      {props.options.map(([value, text]) => (
        <View
          key={value}
          className={value === props.value ? 'chip chip--control chip--selected' : 'chip chip--control'}
          ariaRole='button'
          {...ariaProps({ pressed: value === props.value })}
          ariaLabel={`${props.name}：${text}${value === props.value ? '（已选）' : ''}`}
          onClick={() => props.onChange(value)}
        >
          {text}
        </View>
      ))}
    </View>
  )
}

type Load =
  | { kind: 'loading' }
  | { kind: 'error'; text: string; refused: boolean }
  | { kind: 'ready'; settings: ComplianceSettingsView }

/**
 * 税务设置 and 行政处罚记录 of one enterprise, opened from the enterprise profile: they decide which
 * 纳税申报 deadlines the calendar plans and when 信用修复 can be applied for. Checked here by the same
 * domain rules the server checks at its door.
 */
export function ComplianceSettingsScreen(props: { enterpriseId: string }) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' })
  const [entityType, setEntityType] = useState<RegisteredEntityType>('enterprise')
  const [vatPayer, setVatPayer] = useState<TaxSettings['vatPayer'] | 'unset'>('unset')
  const [hasEmployees, setHasEmployees] = useState(false)
  const [corporateIncomeTax, setCorporateIncomeTax] = useState(true)
  const [statements, setStatements] = useState<NonNullable<TaxSettings['financialStatements']>>('quarterly')
  const [decidedOn, setDecidedOn] = useState('')
  const [field, setField] = useState<PenaltyField>('general')
  const [simpleProcedure, setSimpleProcedure] = useState(false)
  const [decisionNumber, setDecisionNumber] = useState('')
  const [taxError, setTaxError] = useState<string | null>(null)
  const [penaltyError, setPenaltyError] = useState<string | null>(null)
  const [added, setAdded] = useState<PenaltyView | null>(null)
  const [removing, setRemoving] = useState<PenaltyView | null>(null)
  const [busy, setBusy] = useState(false)

  const show = (settings: ComplianceSettingsView) => {
    setLoad({ kind: 'ready', settings })
    setEntityType(settings.entityType)
    setVatPayer(settings.tax ? settings.tax.vatPayer : 'unset')
    if (settings.tax) {
      setHasEmployees(settings.tax.hasEmployees)
      setCorporateIncomeTax(settings.tax.corporateIncomeTax)
      setStatements(settings.tax.financialStatements ?? 'quarterly')
    }
  }

  const refresh = useCallback(async () => {
    try {
      show(await getComplianceSettings(apiClient, props.enterpriseId))
    } catch (e) {
      setLoad({ kind: 'error', text: userMessage(e), refused: isPermissionRefusal(e) })
    }
  }, [props.enterpriseId])

  useEffect(() => {
    void refresh()
  }, [refresh])

  if (load.kind === 'loading') return <StatusView kind='loading' />
  if (load.kind === 'error')
    return <StatusView kind='error' text={load.text} refused={load.refused} onRetry={() => void refresh()} />

  const saveTax = async () => {
    const tax: TaxSettings | null =
      vatPayer === 'unset' ? null : { vatPayer, hasEmployees, corporateIncomeTax, financialStatements: statements }
    const problems = tax ? taxSettingsProblems(tax) : []
    if (problems.length > 0) return setTaxError(problems.join('；'))
    setBusy(true)
    setTaxError(null)
    try {
      show(await saveComplianceSettings(apiClient, props.enterpriseId, { entityType, tax }))
      toast('已保存', 'success')
    } catch (e) {
      setTaxError(userMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const submitPenalty = async () => {
    const input = {
      decidedOn,
      field,
      simpleProcedure,
      ...(decisionNumber.trim() ? { decisionNumber: decisionNumber.trim() } : {}),
    }
    const problems = penaltyRecordProblems(input)
    if (problems.length > 0) return setPenaltyError(problems.join('；'))
    setBusy(true)
    setPenaltyError(null)
    try {
      setAdded(await addPenalty(apiClient, props.enterpriseId, input))
      setDecidedOn('')
      setDecisionNumber('')
      await refresh()
    } catch (e) {
      setPenaltyError(userMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const remove = async (penalty: PenaltyView) => {
    setBusy(true)
    try {
      await deletePenalty(apiClient, props.enterpriseId, penalty.id)
      setRemoving(null)
      setAdded(null)
      await refresh()
    } catch (e) {
      setPenaltyError(userMessage(e))
      setRemoving(null)
    } finally {
      setBusy(false)
    }
  }

  const { settings } = load
  return (
    <View>
      <View className='card'>
        <View className='title'>主体类型与税务设置</View>
        <View className='muted'>决定日历中生成哪些年报和纳税申报期限。</View>
        <View>主体类型</View>
        <Choice name='主体类型' options={ENTITY_TYPES} value={entityType} onChange={setEntityType} />
        <View>增值税纳税人</View>
        <Choice name='增值税纳税人' options={VAT_PAYERS} value={vatPayer} onChange={setVatPayer} />
        {vatPayer !== 'unset' ? (
          <View>
            <LabelledSwitch label='有雇员（代扣代缴个人所得税）' checked={hasEmployees} onChange={setHasEmployees} />
            <LabelledSwitch label='缴纳企业所得税' checked={corporateIncomeTax} onChange={setCorporateIncomeTax} />
            <View>财务报表报送</View>
            <Choice name='财务报表报送' options={STATEMENTS} value={statements} onChange={setStatements} />
          </View>
        ) : null}
        <ErrorText message={taxError} />
        <ActionButton label='保存税务设置' disabled={busy} onClick={() => void saveTax()} />
      </View>

      <View className='card'>
        <View className='title'>行政处罚记录</View>
        <View className='muted'>
          登记后，日历会在最短公示期届满的次日提醒您到「信用中国」申请信用修复（适用简易程序的处罚不公示，无需修复）。
        </View>
        {settings.penalties.length === 0 ? <View className='muted'>暂无记录</View> : null}
        {settings.penalties.map((p) => (
          <View key={p.id} className='compliance-penalty'>
            <View>{`${p.decidedOn} 作出 · ${p.fieldName}${p.decisionNumber ? ` · ${p.decisionNumber}` : ''}`}</View>
            <View className='compliance-days'>
              {p.published ? `最早可申请信用修复：${p.earliestApplyOn}` : '简易程序处罚不公示，无需修复'}
            </View>
            {p.published ? <View className='muted'>{`公示最迟至 ${p.maximumDisplayEndsOn}`}</View> : null}
            <ActionButton
              variant='danger'
              label={`删除 ${p.decidedOn} 的处罚记录`}
              disabled={busy}
              onClick={() => setRemoving(p)}
            >
              删除
            </ActionButton>
          </View>
        ))}
        {added ? (
          <View ariaRole='status' className='compliance-days'>
            {added.published ? `已登记：最早可于 ${added.earliestApplyOn} 申请信用修复` : '已登记：简易程序处罚不公示'}
          </View>
        ) : null}
        <View className='title'>登记行政处罚</View>
        <DateField label='处罚决定日期' value={decidedOn} onChange={setDecidedOn} />
        <View>处罚领域</View>
        <Choice
          name='处罚领域'
          options={Object.entries(PENALTY_FIELD_NAMES) as [PenaltyField, string][]}
          value={field}
          onChange={setField}
        />
        <LabelledSwitch
          label='适用简易程序（当场作出的警告、通报批评或较低数额罚款）'
          checked={simpleProcedure}
          onChange={setSimpleProcedure}
        />
        <TextField label='决定书文号（选填）' value={decisionNumber} maxlength={64} onChange={setDecisionNumber} />
        <ErrorText message={penaltyError} />
        <ActionButton label='登记处罚记录' disabled={busy} onClick={() => void submitPenalty()} />
      </View>

      {removing ? (
        <ConfirmDialog
          title='删除处罚记录？'
          confirmLabel='删除'
          destructive
          confirmDisabled={busy}
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
        >
          <View>{`${removing.decidedOn} 作出的${removing.fieldName}处罚记录将被删除，信用修复提醒随之取消。`}</View>
        </ConfirmDialog>
      ) : null}
    </View>
  )
}
