/**
 * What the matcher knows about an enterprise. Every field is optional: missing means "not known
 * yet", which a match reports as 待补充 rather than as a failed condition. Two fields use `null`
 * for a known "none": developmentZone (not in any zone) and lastSeriousViolationOn (no record).
 */
import type { IsoDate } from '../calendar/dates'

/** 高新技术企业, 科技型中小企业, 专精特新中小企业, 专精特新"小巨人"企业. */
export type Qualification = 'high-tech' | 'tech-sme' | 'specialized' | 'little-giant'

export const QUALIFICATIONS: readonly Qualification[] = ['high-tech', 'tech-sme', 'specialized', 'little-giant']

export const QUALIFICATION_LABELS: Record<Qualification, string> = {
  'high-tech': '高新技术企业',
  'tech-sme': '科技型中小企业',
  specialized: '专精特新中小企业',
  'little-giant': '专精特新“小巨人”企业',
}

/**
 * The qualifications an enterprise holds in effect: 《优质中小企业梯度培育管理暂行办法》
 * (工信部企业〔2022〕63号) recognises 小巨人 only among 专精特新中小企业, so a 小巨人 also
 * counts as 专精特新 for a policy that asks for the latter.
 */
export function effectiveQualifications(held: readonly Qualification[]): Qualification[] {
  return held.includes('little-giant') && !held.includes('specialized') ? [...held, 'specialized'] : [...held]
}

/** 纳税信用级别 (国家税务总局公告2014年第40号; M added by 2018年第8号 for new and small taxpayers). */
export type TaxCreditGrade = 'A' | 'B' | 'M' | 'C' | 'D'

export const TAX_CREDIT_GRADES: readonly TaxCreditGrade[] = ['A', 'B', 'M', 'C', 'D']

export interface EnterpriseProfile {
  /** GB/T 4754-2017 code, e.g. 'C3311' (a coarser prefix such as 'C33' is accepted). */
  industryCode?: string
  /** 从业人员 (people). */
  employees?: number
  /** 营业收入, 万元 (last full year). */
  revenueWan?: number
  /** 资产总额, 万元. */
  assetsWan?: number
  /** 注册资本, 万元. */
  registeredCapitalWan?: number
  foundedOn?: IsoDate
  /** 行政区划代码 of the registered address, 6 digits (a city '411000' or a county '411002'). */
  regionCode?: string
  /** Name of the development zone / park the enterprise is in; null = in none. */
  developmentZone?: string | null
  qualifications?: Qualification[]
  taxCreditGrade?: TaxCreditGrade
  /** 研发费用, 万元 (same year as revenue). */
  rdSpendWan?: number
  exporter?: boolean
  /** Date of the latest serious violation (严重违法失信); null = none on record. */
  lastSeriousViolationOn?: IsoDate | null
}

export type ProfileField = keyof EnterpriseProfile

export const PROFILE_FIELD_LABELS: Record<ProfileField, string> = {
  industryCode: '所属行业',
  employees: '从业人员',
  revenueWan: '营业收入',
  assetsWan: '资产总额',
  registeredCapitalWan: '注册资本',
  foundedOn: '成立日期',
  regionCode: '注册地',
  developmentZone: '所在开发区（园区）',
  qualifications: '企业资质',
  taxCreditGrade: '纳税信用等级',
  rdSpendWan: '研发费用',
  exporter: '出口业务',
  lastSeriousViolationOn: '严重违法失信记录',
}

export type CalculatorInput =
  | 'industry'
  | 'region'
  | 'zone'
  | 'date'
  | 'count'
  | 'amount-wan'
  | 'multi-choice'
  | 'single-choice'
  | 'yes-no'
  | 'date-or-none'

export interface CalculatorStep {
  field: ProfileField
  question: string
  input: CalculatorInput
  unit?: string
  hint?: string
  /** A short name for the answer field when the question is too long to repeat in it. */
  fieldLabel?: string
  options?: { value: string; label: string }[]
  /** The answer that means "none" (stored as null or an empty list). */
  noneLabel?: string
}

/**
 * The 政策计算器's questions, easiest and most decisive first: industry, place and age rule out
 * most policies; figures come next (size class needs them); certificates and records last.
 */
export const CALCULATOR_STEPS: readonly CalculatorStep[] = [
  { field: 'industryCode', question: '企业所属行业是？', input: 'industry', hint: '以营业执照经营范围的主营业务为准' },
  { field: 'regionCode', question: '企业注册地在哪个区县？', input: 'region' },
  { field: 'developmentZone', question: '企业是否位于开发区或产业园区？', input: 'zone', noneLabel: '不在园区' },
  { field: 'foundedOn', question: '企业成立日期是？', input: 'date', hint: '以营业执照上的成立日期为准' },
  { field: 'employees', question: '从业人员有多少人？', input: 'count', unit: '人', hint: '上年末或上年平均人数' },
  { field: 'revenueWan', question: '上年度营业收入是多少？', input: 'amount-wan', unit: '万元' },
  {
    field: 'assetsWan',
    question: '资产总额是多少？',
    input: 'amount-wan',
    unit: '万元',
    hint: '建筑、房地产、租赁和商务服务业划型需要',
  },
  { field: 'registeredCapitalWan', question: '注册资本是多少？', input: 'amount-wan', unit: '万元' },
  {
    field: 'rdSpendWan',
    question: '上年度研发费用是多少？',
    input: 'amount-wan',
    unit: '万元',
    hint: '与营业收入同一年度',
  },
  {
    field: 'qualifications',
    question: '企业已获得哪些资质认定？',
    input: 'multi-choice',
    options: QUALIFICATIONS.map((value) => ({ value, label: QUALIFICATION_LABELS[value] })),
    noneLabel: '暂无',
  },
  {
    field: 'taxCreditGrade',
    question: '最近一次纳税信用等级是？',
    input: 'single-choice',
    options: TAX_CREDIT_GRADES.map((value) => ({ value, label: `${value} 级` })),
  },
  { field: 'exporter', question: '企业是否有出口业务？', input: 'yes-no' },
  {
    field: 'lastSeriousViolationOn',
    question: '最近一次严重违法失信记录的日期是？',
    input: 'date-or-none',
    fieldLabel: '记录日期',
    hint: '可在「信用中国」网站查询；没有记录请选「无记录」',
    noneLabel: '无记录',
  },
]

const FIELD_ORDER = new Map(CALCULATOR_STEPS.map((step, i) => [step.field, i]))

/** Fields in calculator order, each once: the order the app should ask for missing facts. */
export function inCalculatorOrder(fields: Iterable<ProfileField>): ProfileField[] {
  return [...new Set(fields)].sort((a, b) => (FIELD_ORDER.get(a) ?? 99) - (FIELD_ORDER.get(b) ?? 99))
}

/**
 * 研发费用 ÷ 营业收入 in percent, NaN when either is unknown. With no revenue any R&D spend is an
 * unbounded share (a start-up still in development), and none is 0%.
 */
export function rdRatioPercent(rdSpendWan: number | undefined, revenueWan: number | undefined): number {
  if (!isKnownAmount(rdSpendWan) || !isKnownAmount(revenueWan)) return NaN
  if (revenueWan === 0) return rdSpendWan > 0 ? Infinity : 0
  return (rdSpendWan / revenueWan) * 100
}

/** A usable figure: finite and not negative (anything else counts as not filled in). */
export function isKnownAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0
}
