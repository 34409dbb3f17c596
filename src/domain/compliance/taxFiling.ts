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
function taxReminders(due: number): ReminderDay[] {
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

/** Every return due in `year` for an enterprise with these settings, in date order. */
export function planTaxFiling(enterpriseId: string, settings: TaxSettings, year: number): ComplianceItem[] {
  const items: ComplianceItem[] = []
  const statements = settings.financialStatements ?? 'quarterly'
  const add = (sourceId: string, title: string, dueDate: IsoDate, estimated: boolean, legalBasis: string) => {
    items.push({
      kind: 'tax-filing',
      enterpriseId,
      sourceId,
      title,
      dueDate,
      estimated,
      countsWorkingDays: false,
      reminders: taxReminders(toDayNumber(dueDate)),
      legalBasis,
    })
  }
  for (let month = 1; month <= 12; month++) {
    const deadline = monthlyTaxDeadline(year, month)
    const quarterly = QUARTER_FILING_MONTHS.includes(month)
    const monthPeriod = previousMonth(year, month)
    const basis = (law: string) =>
      `${law}；申报期限为当月征期${deadline.origin === 'published' ? '（国家税务总局公布）' : '（按征管法实施细则第一百零九条推算）'}`
    if (settings.vatPayer === 'general') {
      add(
        `tax:vat:${monthPeriod}`,
        `增值税及附加税费申报（${periodLabel(monthPeriod)}）`,
        deadline.date,
        deadline.estimated,
        basis('一般纳税人按月申报增值税'),
      )
    } else if (settings.vatPayer === 'small' && quarterly) {
      const quarter = previousQuarter(year, month)
      add(
        `tax:vat:${quarter.id}`,
        `增值税及附加税费申报（${quarter.label}）`,
        deadline.date,
        deadline.estimated,
        basis('小规模纳税人按季申报增值税'),
      )
    }
    if (settings.hasEmployees) {
      add(
        `tax:iit:${monthPeriod}`,
        `个人所得税代扣代缴申报（${periodLabel(monthPeriod)}）`,
        deadline.date,
        deadline.estimated,
        basis('个人所得税法第十四条，扣缴义务人次月十五日内缴入国库'),
      )
    }
    if (settings.corporateIncomeTax && quarterly) {
      const quarter = previousQuarter(year, month)
      add(
        `tax:cit:${quarter.id}`,
        `企业所得税预缴申报（${quarter.label}）`,
        deadline.date,
        deadline.estimated,
        basis('企业所得税法第五十四条，季度终了之日起十五日内预缴'),
      )
    }
    if (statements === 'monthly' || (statements === 'quarterly' && quarterly)) {
      const id = statements === 'monthly' ? monthPeriod : previousQuarter(year, month).id
      const label = statements === 'monthly' ? periodLabel(monthPeriod) : previousQuarter(year, month).label
      add(
        `tax:fs:${id}`,
        `财务报表报送（${label}）`,
        deadline.date,
        deadline.estimated,
        basis('财务报表随纳税申报报送'),
      )
    }
  }
  if (settings.corporateIncomeTax) {
    const legal = dayNumberOf(year, 5, 31)
    const due = workingDayOnOrAfter(legal)
    add(
      `tax:cit-annual:${year - 1}`,
      `企业所得税汇算清缴（${year - 1}年度）`,
      fromDayNumber(due),
      isEstimateRange(legal, due),
      '企业所得税法第五十四条：自年度终了之日起五个月内（5月31日，逢休假日顺延）',
    )
    if (statements !== 'none') {
      add(
        `tax:fs:${year - 1}`,
        `年度财务报表报送（${year - 1}年度）`,
        fromDayNumber(due),
        isEstimateRange(legal, due),
        '年度财务会计报告随企业所得税年度纳税申报报送',
      )
    }
  }
  return items.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0))
}
