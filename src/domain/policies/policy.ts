/**
 * A 惠企政策 as the catalogue holds it: what it gives, who issued it, when and how to apply, and
 * the eligibility the matcher evaluates. `policyProblems` is the admin API's check (HTTP 400).
 */
import { isIsoDate, type IsoDate } from '../calendar/dates'
import { eligibilityProblems, isRecord, type PolicyProblem } from './conditionProblems'
import type { ConditionGroup } from './conditions'
import { NATIONAL, isRegionCode } from '../regions/regionCodes'

export type { PolicyProblem } from './conditionProblems'

export type PolicyLevel = 'national' | 'provincial' | 'city' | 'district'

export const POLICY_LEVEL_LABELS: Record<PolicyLevel, string> = {
  national: '国家级',
  provincial: '省级',
  city: '市级',
  district: '区县级',
}

export type BenefitType = 'subsidy' | 'tax' | 'loan-interest' | 'reward' | 'service' | 'fee-reduction'

export const BENEFIT_TYPE_LABELS: Record<BenefitType, string> = {
  subsidy: '资金补贴',
  tax: '税收优惠',
  'loan-interest': '贷款贴息',
  reward: '奖励',
  service: '服务支持',
  'fee-reduction': '降费减负',
}

export interface PolicyBenefit {
  type: BenefitType
  /** Up to this many 万元 per enterprise, when the policy caps it. */
  amountWan?: number
  /** A percentage: subsidy share, interest subsidised, deduction rate… (100 = 100%). */
  rate?: number
  /** The benefit in the policy's own words. */
  text: string
}

export interface ApplicationWindow {
  /** First day applications are accepted; none = already open. */
  opensOn?: IsoDate
  /** Last day (inclusive); none = open-ended. */
  closesOn?: IsoDate
}

export interface Policy {
  id: string
  title: string
  /** 发文单位, e.g. 许昌市工业和信息化局. */
  issuer: string
  level: PolicyLevel
  /** Where it applies, for display: 全国, 河南省, 许昌市, 衢州市柯城区. */
  region: string
  /**
   * The area it applies to as a 行政区划代码 (GB/T 2260): '000000' national, '410000' a province,
   * '411000' a city, '411002' a district; a development zone's policy takes its city. The catalogue's
   * region filter reads it (policyRegionCode); older policies without it are placed by level and name.
   */
  regionCode?: string
  summary: string
  benefit: PolicyBenefit
  applicationWindow: ApplicationWindow
  howToApply: string
  materials: string[]
  /** 免申即享: paid or applied without an application once the conditions are met. */
  autoGrant: boolean
  eligibility: ConditionGroup
  /** The policy document, for 原文. */
  sourceUrl?: string
}

const LEVELS = Object.keys(POLICY_LEVEL_LABELS)
const BENEFIT_TYPES = Object.keys(BENEFIT_TYPE_LABELS)

function checkText(
  value: unknown,
  path: string,
  name: string,
  maxLength: number,
  problems: PolicyProblem[],
  optional = false,
): void {
  if (value === undefined && optional) return
  if (typeof value !== 'string' || value.trim() === '') problems.push({ path, message: `请填写${name}` })
  else if (value.length > maxLength) problems.push({ path, message: `${name}不能超过 ${maxLength} 个字符` })
}

function checkBenefit(benefit: unknown, problems: PolicyProblem[]): void {
  if (!isRecord(benefit)) {
    problems.push({ path: 'benefit', message: '请填写政策红利（benefit：type、text）' })
    return
  }
  if (!BENEFIT_TYPES.includes(benefit.type as string))
    problems.push({ path: 'benefit.type', message: `红利类型无效，可选：${BENEFIT_TYPES.join('、')}` })
  for (const key of ['amountWan', 'rate'] as const) {
    const value = benefit[key]
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value < 0))
      problems.push({ path: `benefit.${key}`, message: `${key} 应为不小于 0 的数字` })
  }
  checkText(benefit.text, 'benefit.text', '红利说明', 500, problems)
}

function checkWindow(window: unknown, problems: PolicyProblem[]): void {
  if (!isRecord(window)) {
    problems.push({ path: 'applicationWindow', message: '申报时间应为对象（opensOn、closesOn 可留空）' })
    return
  }
  for (const key of ['opensOn', 'closesOn'] as const) {
    const value = window[key]
    if (value !== undefined && !isIsoDate(value))
      problems.push({ path: `applicationWindow.${key}`, message: '日期格式应为 YYYY-MM-DD，如 2026-03-31' })
    // An open-ended window leaves closesOn empty; 9999-12-31 there is a placeholder, not a date.
    else if (value !== undefined && (value < '1900-01-01' || value > '2100-12-31'))
      problems.push({ path: `applicationWindow.${key}`, message: '申报日期应在 1900 至 2100 年之间；长期有效请留空' })
  }
  const { opensOn, closesOn } = window
  if (isIsoDate(opensOn) && isIsoDate(closesOn) && closesOn < opensOn)
    problems.push({ path: 'applicationWindow.closesOn', message: '截止日期不能早于开始日期' })
}

/** Everything wrong with a policy submitted to the admin API; empty when it can be stored. */
export function policyProblems(input: unknown): PolicyProblem[] {
  const problems: PolicyProblem[] = []
  if (!isRecord(input)) return [{ path: '', message: '政策应为一个对象' }]
  const p = input
  if (typeof p.id !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(p.id))
    problems.push({ path: 'id', message: '政策编号应为 1–64 位字母、数字、-、_ 或 .' })
  checkText(p.title, 'title', '政策名称', 100, problems)
  checkText(p.issuer, 'issuer', '发文单位', 100, problems)
  if (!LEVELS.includes(p.level as string))
    problems.push({ path: 'level', message: `政策层级无效，可选：${LEVELS.join('、')}` })
  checkText(p.region, 'region', '适用地区', 50, problems)
  if (p.regionCode !== undefined && !isRegionCode(p.regionCode))
    problems.push({ path: 'regionCode', message: '适用地区代码应为 6 位行政区划代码，全国为 000000' })
  else if (p.level === 'national' && p.regionCode !== undefined && p.regionCode !== NATIONAL)
    problems.push({ path: 'regionCode', message: '国家级政策的适用地区代码应为 000000' })
  checkText(p.summary, 'summary', '政策摘要', 2000, problems)
  checkBenefit(p.benefit, problems)
  checkWindow(p.applicationWindow, problems)
  checkText(p.howToApply, 'howToApply', '申报方式', 2000, problems)
  if (!Array.isArray(p.materials)) problems.push({ path: 'materials', message: '申报材料应为数组（免申即享可为空）' })
  else p.materials.forEach((m, i) => checkText(m, `materials[${i}]`, '材料名称', 200, problems))
  if (typeof p.autoGrant !== 'boolean')
    problems.push({ path: 'autoGrant', message: 'autoGrant（免申即享）应为 true 或 false' })
  if (p.sourceUrl !== undefined && (typeof p.sourceUrl !== 'string' || !/^https?:\/\/\S+$/.test(p.sourceUrl)))
    problems.push({ path: 'sourceUrl', message: '政策原文链接应以 http:// 或 https:// 开头' })
  eligibilityProblems(p.eligibility, 'eligibility', problems)
  return problems
}

/**
 * The 行政区划代码 a policy applies to: its own regionCode, '000000' for a national one, else
 * `byName(policy.region)` (the server passes the region table's regionCodeOfName); null when unknown.
 */
export function policyRegionCode(
  policy: Pick<Policy, 'regionCode' | 'level' | 'region'>,
  byName?: (name: string) => string | null,
): string | null {
  if (policy.regionCode !== undefined) return policy.regionCode
  if (policy.level === 'national') return NATIONAL
  return byName?.(policy.region) ?? null
}
