/**
 * 企业年报: the annual report on the previous year is filed between 1 January and 30 June.
 *
 * - 企业: 《企业信息公示暂行条例》第八条 — "企业应当于每年1月1日至6月30日，通过国家企业信用信息公示
 *   系统向市场监督管理部门报送上一年度年度报告，并向社会公示。当年设立登记的企业，自下一年起报送。"
 * - 个体工商户: 《个体工商户年度报告暂行办法》 — same window (1 January – 30 June), same system.
 * - 农民专业合作社: 《农民专业合作社年度报告公示办法（暂行）》 — same window.
 *
 * 30 June is the regulation's fixed date and the filing is online, so the due date is NOT moved
 * off a weekend or holiday; the reminders, which ask the owner to act, fall on working days.
 */
import { dayNumberOf, fromDayNumber, isIsoDate, type IsoDate } from '../calendar/dates'
import { addWorkingDaysToDayNumber, isEstimateRange, workingDayOnOrAfter } from '../calendar/workingDays'
import type { ComplianceItem, ReminderDay } from './item'

export type RegisteredEntityType = 'enterprise' | 'individual-business' | 'cooperative'

export interface AnnualReportFacts {
  enterpriseId: string
  entityType: RegisteredEntityType
  /** 成立日期 (date of registration) */
  establishedOn: IsoDate
}

export const ANNUAL_REPORT_BASIS: Record<RegisteredEntityType, string> = {
  enterprise: '《企业信息公示暂行条例》第八条：每年1月1日至6月30日报送上一年度年度报告',
  'individual-business': '《个体工商户年度报告暂行办法》：每年1月1日至6月30日报送上一年度年度报告',
  cooperative: '《农民专业合作社年度报告公示办法（暂行）》：每年1月1日至6月30日报送上一年度年度报告',
}

/** What missing the window costs, in plain words (shown on the 年报 detail). */
export const ANNUAL_REPORT_CONSEQUENCES: readonly string[] = [
  '6月30日前未报送年报的，市场监管部门将其列入经营异常名录（个体工商户标记为经营异常状态），并在国家企业信用信息公示系统向社会公示（《企业信息公示暂行条例》第十七条）。',
  '列入经营异常名录后补报年报，可以申请移出。',
  '列入经营异常名录满三年仍未履行公示义务的，列入严重违法失信名单（《市场监督管理严重违法失信名单管理办法》），在招投标、融资、评优等方面受到限制。',
]

/** The official entry: 国家企业信用信息公示系统. */
export const ANNUAL_REPORT_ENTRY = 'https://www.gsxt.gov.cn'

/** Why each default reminder day is what it is, in the order of {@link defaultAnnualReportReminders}. */
export const DEFAULT_ANNUAL_REPORT_REMINDER_NOTES = [
  '年报窗口开启（1月1日，逢节假日为其后第一个工作日）',
  '6月1日',
  '截止日（6月30日）前第7个工作日',
  '截止日前最后一个工作日',
] as const

function reminderDay(day: number, estimated: boolean): ReminderDay {
  return { date: fromDayNumber(day), estimated }
}

const defaultReminders = new Map<number, readonly ReminderDay[]>()

function buildDefaultReminders(year: number): ReminderDay[] {
  const opens = dayNumberOf(year, 1, 1)
  const due = dayNumberOf(year, 6, 30)
  const firstWorking = workingDayOnOrAfter(opens)
  const sevenBefore = addWorkingDaysToDayNumber(due, -7)
  const lastBefore = addWorkingDaysToDayNumber(due, -1)
  const days = [
    reminderDay(firstWorking, isEstimateRange(opens, firstWorking)),
    reminderDay(dayNumberOf(year, 6, 1), false),
    reminderDay(sevenBefore, isEstimateRange(sevenBefore, due)),
    reminderDay(lastBefore, isEstimateRange(lastBefore, due)),
  ]
  return days
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .filter((day, i, all) => i === 0 || all[i - 1].date !== day.date)
}

/**
 * Default reminder days for the window of `year`: the window's opening (1 January, or the first
 * working day after it), 1 June, the 7th working day before 30 June, the last working day before it.
 * Ascending and without duplicates; one shared array per year (never mutate it).
 */
export function defaultAnnualReportReminders(year: number): readonly ReminderDay[] {
  let days = defaultReminders.get(year)
  if (days === undefined) {
    if (defaultReminders.size >= 64) defaultReminders.clear()
    days = buildDefaultReminders(year)
    defaultReminders.set(year, days)
  }
  return days
}

/** Problems with user-chosen reminder days for the window of `year`, in Chinese; [] when valid. */
export function annualReportReminderProblems(days: unknown, year: number): string[] {
  if (!Array.isArray(days) || days.length === 0 || days.length > 10) return ['提醒日期须为1–10个日期']
  const first = `${year}-01-01`
  const last = `${year}-06-30`
  return days.flatMap((day, i) =>
    isIsoDate(day) && day >= first && day <= last ? [] : [`第${i + 1}个提醒日期须在 ${first} 至 ${last} 之间`],
  )
}

/**
 * The 年报 due in `year` (on `year − 1`), or none when the entity was registered in `year` or later
 * (当年设立登记的，自下一年起报送). `reminderOverrides` replaces the default days; throws RangeError
 * when they are invalid (validate with {@link annualReportReminderProblems} at the door).
 */
export function planAnnualReport(
  facts: AnnualReportFacts,
  year: number,
  reminderOverrides?: readonly IsoDate[],
): ComplianceItem[] {
  const established = Number(facts.establishedOn.slice(0, 4))
  if (!(established <= year - 1)) return []
  let reminders: readonly ReminderDay[]
  if (reminderOverrides === undefined) reminders = defaultAnnualReportReminders(year)
  else {
    const problems = annualReportReminderProblems(reminderOverrides, year)
    if (problems.length > 0) throw new RangeError(problems.join('；'))
    reminders = [...new Set(reminderOverrides)].sort().map((date) => ({ date, estimated: false }))
  }
  return [
    {
      kind: 'annual-report',
      enterpriseId: facts.enterpriseId,
      sourceId: `annual-report:${year - 1}`,
      title: `${year - 1}年度年报`,
      opensOn: `${year}-01-01`,
      dueDate: `${year}-06-30`,
      estimated: false,
      countsWorkingDays: false,
      reminders,
      legalBasis: ANNUAL_REPORT_BASIS[facts.entityType],
    },
  ]
}
