/**
 * The monthly tax filing deadline (申报纳税期限) of each month.
 *
 * The State Taxation Administration publishes each year's twelve deadlines every December; those
 * are authoritative and shipped here as data. A year not yet published is computed by the rule
 * they are derived from and marked 预计, exactly as licence deadlines beyond the holiday calendar:
 *
 * 《税收征收管理法实施细则》第一百零九条: "期限的最后一日是法定休假日的，以休假日期满的次日为期限的
 * 最后一日；在期限内有连续3日以上法定休假日的，按休假日天数顺延。" The monthly period ends on the
 * 15th. As the administration applies it (reproduced by every month of the 2024 and 2026 tables):
 * - when a run of 3 or more consecutive days off (containing a statutory holiday) falls within the
 *   1st–15th, the deadline is the 15th extended by as many WORKING days as that run has days in the
 *   1st–15th (2026-01: 元旦 1–3 Jan → 15 Jan + 3 working days = 20 Jan);
 * - otherwise, if the 15th is a day off, the first working day after it (2026-02: 春节 from 15 Feb
 *   → 24 Feb).
 */
import { dayNumberOf, fromDayNumber, type IsoDate } from '../calendar/dates'
import {
  addWorkingDaysToDayNumber,
  isEstimateRange,
  isWorkingDayNumber,
  publishedDays,
  workingDayOnOrAfter,
} from '../calendar/workingDays'

/**
 * Published deadlines, day of month for January…December.
 * 2026: 国家税务总局办公厅《关于2026年征收管理工作的通知》附件 申报纳税期限 (税总办征科函〔2025〕64号).
 * The 2025 table (税总办征科函〔2024〕…) was not found in the sources available: 2025 is computed.
 */
export const PUBLISHED_TAX_DEADLINES: Readonly<Record<number, readonly number[]>> = {
  2026: [20, 24, 16, 20, 22, 15, 15, 17, 15, 26, 16, 15],
}

export const TAX_DEADLINE_SOURCES: Readonly<Record<number, string>> = {
  2026: '税总办征科函〔2025〕64号',
}

export interface MonthlyTaxDeadline {
  date: IsoDate
  /** true when computed (no published table for the year) on a year the holiday calendar lacks too */
  estimated: boolean
  /** 'published' when read from the administration's table, 'computed' by §109 */
  origin: 'published' | 'computed'
}

/** Consecutive days off (at least one a statutory holiday) within the 1st–15th, summed over runs of 3+. */
function holidayDaysInFirstFifteen(year: number, month: number): number {
  const { holidays } = publishedDays()
  const first = dayNumberOf(year, month, 1)
  const fifteenth = first + 14
  let total = 0
  let runLength = 0
  let runHasHoliday = false
  for (let day = first; day <= fifteenth + 1; day++) {
    const off = day <= fifteenth && !isWorkingDayNumber(day)
    if (off) {
      runLength++
      if (holidays.has(fromDayNumber(day))) runHasHoliday = true
    } else {
      if (runLength >= 3 && runHasHoliday) total += runLength
      runLength = 0
      runHasHoliday = false
    }
  }
  return total
}

/** The deadline by 实施细则 §109 (see above), as a day number, whatever the published table says. */
export function computedTaxDeadlineDay(year: number, month: number): number {
  const fifteenth = dayNumberOf(year, month, 15)
  const extension = holidayDaysInFirstFifteen(year, month)
  return extension > 0 ? addWorkingDaysToDayNumber(fifteenth, extension) : workingDayOnOrAfter(fifteenth)
}

/** The filing deadline of `month` (1–12) of `year`: the published one, else §109's, marked estimated. */
export function monthlyTaxDeadline(year: number, month: number): MonthlyTaxDeadline {
  const published = PUBLISHED_TAX_DEADLINES[year]
  if (published !== undefined) {
    return {
      date: fromDayNumber(dayNumberOf(year, month, published[month - 1])),
      estimated: false,
      origin: 'published',
    }
  }
  const day = computedTaxDeadlineDay(year, month)
  // Computed, not published: always 预计, even when the holiday calendar covers the year, because
  // the administration may set a different date (it has, e.g. for typhoons or system outages).
  return { date: fromDayNumber(day), estimated: true, origin: 'computed' }
}

/** Whether a computed deadline also relied on an unpublished holiday calendar (for the docs and tests). */
export function computedDeadlineUsesEstimatedCalendar(year: number, month: number): boolean {
  return isEstimateRange(dayNumberOf(year, month, 1), computedTaxDeadlineDay(year, month))
}
