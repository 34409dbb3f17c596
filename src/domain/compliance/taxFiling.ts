/**
 * 纳税申报: the returns an enterprise files in a year, from its tax settings.
 *
 * - 增值税 with 附加税费 (城市维护建设税、教育费附加、地方教育附加, filed together since 2021:
 *   财政部 税务总局公告2021年第20号): 一般纳税人 monthly (纳税期限1个月); 小规模纳税人 quarterly
 *   (纳税期限1个季度, 增值税暂行条例 第二十三条), filed in January, April, July and October
 *   for the quarter before.
 * - 个人所得税代扣代缴 (个人所得税法 第十四条): monthly, by the 15th (as extended), when it has employees.
 * - 企业所得税 (企业所得税法 第五十四条): quarterly prepayment within 15 days after the quarter
 *   (January, April, July, October, as extended), and 汇算清缴 "自年度终了之日起五个月内" — by 31 May,
 *   moved to the next working day when that is a day off (实施细则 第一百零九条).
 * - 财务报表 (会计报表) go with the returns: quarterly with the 企业所得税 prepayment by default, or
 *   monthly where the local bureau asks, and the annual statements with 汇算清缴.
 *
 * Every monthly or quarterly deadline is the month's filing deadline (./taxCalendar).
 */
import { dayNumberOf, fromDayNumber, toDayNumber, type IsoDate } from '../calendar/dates'
import { addWorkingDaysToDayNumber, isEstimateRange, workingDayOnOrAfter } from '../calendar/workingDays'
import type { ComplianceItem, ReminderDay } from './item'
import { monthlyTaxDeadline } from './taxCalendar'

export interface TaxSettings {
  /** 一般纳税人 (monthly VAT), 小规模纳税人 (quarterly), or not a VAT payer */
  vatPayer: 'general' | 'small' | 'none'
  /** withholds 个人所得税 for employees (代扣代缴) */
  hasEmployees: boolean
  /** pays 企业所得税 (a 个体工商户 pays 个人所得税经营所得 instead) */
  corporateIncomeTax: boolean
  /** how often the bureau wants 财务报表; default quarterly */
  financialStatements?: 'monthly' | 'quarterly' | 'none'
}

export const TAX_ENTRY = '电子税务局（https://etax.chinatax.gov.cn）'

const QUARTER_FILING_MONTHS = [1, 4, 7, 10]

/** Default reminders: the 3rd working day before the deadline and the working day before it. */
function taxReminders(due: number): readonly ReminderDay[] {
  return [-3, -1].map((offset) => {
    const day = addWorkingDaysToDayNumber(due, offset)
    return { date: fromDayNumber(day), estimated: isEstimateRange(day, due) }
  })
}

/** 'YYYY-MM' of the month before `month` of `year`. */
function previousMonth(year: number, month: number): string {
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`
}

/** '2025年第4季度' for the quarter before filing month `month` (1, 4, 7 or 10) of `year`. */
function previousQuarter(year: number, month: number): { id: string; label: string } {
  const quarter = month === 1 ? 4 : (month - 1) / 3
  const quarterYear = month === 1 ? year - 1 : year
  return { id: `${quarterYear}-Q${quarter}`, label: `${quarterYear}年第${quarter}季度` }
}

function periodLabel(period: string): string {
  return `${period.slice(0, 4)}年${Number(period.slice(5))}月`
}

type ReturnStream =
  'vat-general' | 'vat-small' | 'iit' | 'cit' | 'fs-monthly' | 'fs-quarterly' | 'cit-annual' | 'fs-annual'

/** A return due in a year, the same for every enterprise that files it: built once per year. */
interface YearReturn {
  stream: ReturnStream
  sourceId: string
  title: string
  dueDate: IsoDate
  estimated: boolean
  reminders: readonly ReminderDay[]
  legalBasis: string
}

function buildYearReturns(year: number): YearReturn[] {
  const returns: YearReturn[] = []
  const add = (
    stream: ReturnStream,
    sourceId: string,
    title: string,
    due: number,
    estimated: boolean,
    legalBasis: string,
  ) => {
    returns.push({
      stream,
      sourceId,
      title,
      dueDate: fromDayNumber(due),
      estimated,
      reminders: taxReminders(due),
      legalBasis,
    })
  }
  for (let month = 1; month <= 12; month++) {
    const deadline = monthlyTaxDeadline(year, month)
    const due = toDayNumber(deadline.date)
    const quarterly = QUARTER_FILING_MONTHS.includes(month)
    const period = previousMonth(year, month)
    const label = periodLabel(period)
    const basis = (law: string) =>
      `${law}；申报期限为当月征期${deadline.origin === 'published' ? '（国家税务总局公布）' : '（按征管法实施细则第一百零九条推算）'}`
    const { estimated } = deadline
    add(
      'vat-general',
      `tax:vat:${period}`,
      `增值税及附加税费申报（${label}）`,
      due,
      estimated,
      basis('一般纳税人按月申报增值税'),
    )
    add(
      'iit',
      `tax:iit:${period}`,
      `个人所得税代扣代缴申报（${label}）`,
      due,
      estimated,
      basis('个人所得税法第十四条，扣缴义务人次月十五日内缴入国库'),
    )
    add('fs-monthly', `tax:fs:${period}`, `财务报表报送（${label}）`, due, estimated, basis('财务报表随纳税申报报送'))
    if (quarterly) {
      const quarter = previousQuarter(year, month)
      add(
        'vat-small',
        `tax:vat:${quarter.id}`,
        `增值税及附加税费申报（${quarter.label}）`,
        due,
        estimated,
        basis('小规模纳税人按季申报增值税'),
      )
      add(
        'cit',
        `tax:cit:${quarter.id}`,
        `企业所得税预缴申报（${quarter.label}）`,
        due,
        estimated,
        basis('企业所得税法第五十四条，季度终了之日起十五日内预缴'),
      )
      add(
        'fs-quarterly',
        `tax:fs:${quarter.id}`,
        `财务报表报送（${quarter.label}）`,
        due,
        estimated,
        basis('财务报表随纳税申报报送'),
      )
    }
  }
  const legal = dayNumberOf(year, 5, 31)
  const due = workingDayOnOrAfter(legal)
  const estimated = isEstimateRange(legal, due)
  add(
    'cit-annual',
    `tax:cit-annual:${year - 1}`,
    `企业所得税汇算清缴（${year - 1}年度）`,
    due,
    estimated,
    '企业所得税法第五十四条：自年度终了之日起五个月内（5月31日，逢休假日顺延）',
  )
  add(
    'fs-annual',
    `tax:fs:${year - 1}`,
    `年度财务报表报送（${year - 1}年度）`,
    due,
    estimated,
    '年度财务会计报告随企业所得税年度纳税申报报送',
  )
  // Array.prototype.sort is stable (ES2019 and every engine we ship to), so same-day returns keep their order.
  return returns.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0))
}

const yearReturns = new Map<number, YearReturn[]>()

function returnsOf(year: number): YearReturn[] {
  let returns = yearReturns.get(year)
  if (returns === undefined) {
    if (yearReturns.size >= 64) yearReturns.clear()
    returns = buildYearReturns(year)
    yearReturns.set(year, returns)
  }
  return returns
}

function files(settings: TaxSettings, stream: ReturnStream): boolean {
  const statements = settings.financialStatements ?? 'quarterly'
  switch (stream) {
    case 'vat-general':
      return settings.vatPayer === 'general'
    case 'vat-small':
      return settings.vatPayer === 'small'
    case 'iit':
      return settings.hasEmployees
    case 'cit':
    case 'cit-annual':
      return settings.corporateIncomeTax
    case 'fs-monthly':
      return statements === 'monthly'
    case 'fs-quarterly':
      return statements === 'quarterly'
    case 'fs-annual':
      return settings.corporateIncomeTax && statements !== 'none'
  }
}

/** Every return due in `year` for an enterprise with these settings, in date order. */
export function planTaxFiling(enterpriseId: string, settings: TaxSettings, year: number): ComplianceItem[] {
  const items: ComplianceItem[] = []
  for (const ret of returnsOf(year)) {
    if (!files(settings, ret.stream)) continue
    items.push({
      kind: 'tax-filing',
      enterpriseId,
      sourceId: ret.sourceId,
      title: ret.title,
      dueDate: ret.dueDate,
      estimated: ret.estimated,
      countsWorkingDays: false,
      reminders: ret.reminders,
      legalBasis: ret.legalBasis,
    })
  }
  return items
}

const VAT_PAYERS: readonly string[] = ['general', 'small', 'none']
const STATEMENT_FREQUENCIES: readonly string[] = ['monthly', 'quarterly', 'none']

/** Problems with tax settings given by a user, in Chinese; [] when valid. */
export function taxSettingsProblems(settings: unknown): string[] {
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) return ['税务设置格式不正确']
  const { vatPayer, hasEmployees, corporateIncomeTax, financialStatements } = settings as Record<string, unknown>
  const problems: string[] = []
  if (typeof vatPayer !== 'string' || !VAT_PAYERS.includes(vatPayer))
    problems.push('增值税纳税人类型须为一般纳税人、小规模纳税人或非增值税纳税人')
  if (typeof hasEmployees !== 'boolean') problems.push('须说明是否有雇员（个人所得税代扣代缴）')
  if (typeof corporateIncomeTax !== 'boolean') problems.push('须说明是否缴纳企业所得税')
  if (
    financialStatements !== undefined &&
    (typeof financialStatements !== 'string' || !STATEMENT_FREQUENCIES.includes(financialStatements))
  )
    problems.push('财务报表报送频率须为按月、按季或不报送')
  return problems
}
