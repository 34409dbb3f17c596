/**
 * The Chinese working-day calendar: Monday–Friday, minus statutory holidays (全体公民放假的节日,
 * 国务院《全国年节及纪念日放假办法》), plus the weekend make-up working days (调休上班) the State
 * Council publishes each year. 行政许可法 第八十二条: periods "以工作日计算，不含法定节假日".
 *
 * Data: npm `chinese-days`' State Council notices, trimmed by scripts/calendar-data.ts into
 * ./publishedCalendar (years 2016 onward, runs of days with their Chinese names: about 3 KB in the
 * bundle where the package's whole `chinese-days.json` was 44 KB minified). We read data rather
 * than call the package's functions because (1) they build their tables with local-time `Date`s
 * and answer wrongly in negative-offset zones (in America/New_York `isWorkday('2026-03-02')`, a
 * Monday, is false), and (2) one call per day is far too slow for 1,000,000 deadlines.
 *
 * Past the last published year (and before the first kept, 2016) we fall back to Monday–Friday and
 * every result that depended on such a day says `estimate: true`, so the UI can show it as 预估.
 *
 * Hot paths use integer day numbers (see ./dates): a lazily built table holds, for each day from
 * the first published year to 30 years past the last, the number of working days before it, and
 * the sorted list of working days — so "the N-th working day before" is one array read.
 */
import { dayNumberOf, fromDayNumber, toDayNumber, weekdayOfDayNumber, type IsoDate } from './dates'
import { HOLIDAY_RUNS, MAKEUP_WORKDAY_RUNS, type CalendarRuns } from './publishedCalendar'

interface PublishedCalendar {
  /** date → holiday name (中文): days off, including those falling on weekends */
  holidays: ReadonlyMap<IsoDate, string>
  /** date → the holiday it makes up for: weekend days that are working days */
  workdays: ReadonlyMap<IsoDate, string>
}

/** "0215-0223 春节;…" per year → each date with its name. */
function expandRuns(runs: CalendarRuns): Map<IsoDate, string> {
  const days = new Map<IsoDate, string>()
  for (const [year, text] of Object.entries(runs)) {
    for (const run of text.split(';')) {
      const [span, name] = run.split(' ')
      const [from, to = from] = span.split('-')
      const day = (mmdd: string) => toDayNumber(`${year}-${mmdd.slice(0, 2)}-${mmdd.slice(2)}`)
      for (let d = day(from); d <= day(to); d++) days.set(fromDayNumber(d), name)
    }
  }
  return days
}

let published: PublishedCalendar | undefined

/** The published days off and make-up working days, expanded once. */
export function publishedDays(): PublishedCalendar {
  published ??= { holidays: expandRuns(HOLIDAY_RUNS), workdays: expandRuns(MAKEUP_WORKDAY_RUNS) }
  return published
}

/** Years of Monday–Friday estimates kept in the fast table past the last published year. */
const ESTIMATE_YEARS = 30

interface CalendarTable {
  firstYear: number
  lastYear: number
  /** day number of 1 Jan firstYear: the table's first day, and the first published day */
  start: number
  /** day number of 1 Jan (lastYear + 1): the first estimated day */
  publishedEnd: number
  /** exclusive end of the table */
  end: number
  /** before[i] = working days in [start, start + i) */
  before: Int32Array
  /** day numbers of the table's working days, ascending */
  workingDays: Int32Array
}

let table: CalendarTable | undefined

function buildTable(): CalendarTable {
  const { holidays, workdays } = publishedDays()
  const holidayDates = [...holidays.keys()]
  const workdayDates = [...workdays.keys()]
  const years = [...holidayDates, ...workdayDates].map((date) => Number(date.slice(0, 4)))
  const firstYear = Math.min(...years)
  const lastYear = Math.max(...years)

  const start = dayNumberOf(firstYear, 1, 1)
  const publishedEnd = dayNumberOf(lastYear + 1, 1, 1)
  const end = dayNumberOf(lastYear + 1 + ESTIMATE_YEARS, 1, 1)
  const working = new Uint8Array(end - start)
  for (let day = start; day < end; day++) {
    const weekday = weekdayOfDayNumber(day)
    working[day - start] = weekday >= 1 && weekday <= 5 ? 1 : 0
  }
  for (const date of holidayDates) working[toDayNumber(date) - start] = 0
  // A make-up working day wins over everything else on its date.
  for (const date of workdayDates) working[toDayNumber(date) - start] = 1

  const before = new Int32Array(end - start + 1)
  const workingDays: number[] = []
  for (let i = 0; i < working.length; i++) {
    if (working[i] === 1) workingDays.push(start + i)
    before[i + 1] = workingDays.length
  }
  return { firstYear, lastYear, start, publishedEnd, end, before, workingDays: Int32Array.from(workingDays) }
}

function calendarTable(): CalendarTable {
  if (table === undefined) table = buildTable()
  return table
}

/** The years the State Council calendar in `chinese-days` covers; anything else is an estimate. */
export function calendarCoverage(): { firstYear: number; lastYear: number } {
  const { firstYear, lastYear } = calendarTable()
  return { firstYear, lastYear }
}

/** Monday–Friday days in [4, x] (day 4 = Monday 1970-01-05), negative below: (a, b] has F(b) − F(a). */
function weekdaysThrough(x: number): number {
  const offset = x - 3
  const weeks = Math.floor(offset / 7)
  return weeks * 5 + Math.min(offset - weeks * 7, 5)
}

export function isWorkingDayNumber(day: number): boolean {
  const t = calendarTable()
  if (day >= t.start && day < t.end) return t.before[day - t.start + 1] !== t.before[day - t.start]
  const weekday = weekdayOfDayNumber(day)
  return weekday >= 1 && weekday <= 5
}

/** Whether any day in [from, to] lies outside the published calendar. */
export function isEstimateRange(from: number, to: number): boolean {
  const t = calendarTable()
  return Math.min(from, to) < t.start || Math.max(from, to) >= t.publishedEnd
}

function stepWorkingDays(day: number, count: number): number {
  const step = count > 0 ? 1 : -1
  let left = Math.abs(count)
  let current = day
  while (left > 0) {
    current += step
    if (isWorkingDayNumber(current)) left--
  }
  return current
}

/**
 * The `count`-th working day strictly after `day` (count > 0) or strictly before it (count < 0);
 * `day` itself when count is 0. One array read inside the table, a day-by-day walk outside it.
 */
export function addWorkingDaysToDayNumber(day: number, count: number): number {
  if (count === 0) return day
  const t = calendarTable()
  if (day >= t.start && day < t.end) {
    const i = day - t.start
    const index = count < 0 ? t.before[i] + count : t.before[i + 1] + count - 1
    if (index >= 0 && index < t.workingDays.length) return t.workingDays[index]
  }
  return stepWorkingDays(day, count)
}

/** `day` if it is a working day, else the last working day before it. */
export function workingDayOnOrBefore(day: number): number {
  return isWorkingDayNumber(day) ? day : addWorkingDaysToDayNumber(day, -1)
}

/** `day` if it is a working day, else the first working day after it. */
export function workingDayOnOrAfter(day: number): number {
  return isWorkingDayNumber(day) ? day : addWorkingDaysToDayNumber(day, 1)
}

/** Working days in [table start, x] (negative before the start): (a, b] holds C(b) − C(a). */
function workingDaysThrough(x: number): number {
  const t = calendarTable()
  if (x < t.start - 1) return weekdaysThrough(x) - weekdaysThrough(t.start - 1)
  if (x < t.end) return t.before[x - t.start + 1]
  return t.before[t.end - t.start] + weekdaysThrough(x) - weekdaysThrough(t.end - 1)
}

export function workingDaysBetweenDayNumbers(from: number, to: number): number {
  return workingDaysThrough(to) - workingDaysThrough(from)
}

// ---- the same operations on 'YYYY-MM-DD' strings, for screens and tests ----

export function isWorkingDay(date: IsoDate): boolean {
  return isWorkingDayNumber(toDayNumber(date))
}

/** See {@link addWorkingDaysToDayNumber}; `estimate` when a day in between was not published. */
export function addWorkingDays(date: IsoDate, count: number): { date: IsoDate; estimate: boolean } {
  const from = toDayNumber(date)
  const to = addWorkingDaysToDayNumber(from, count)
  return { date: fromDayNumber(to), estimate: isEstimateRange(from, to) }
}

/**
 * Working days d with from < d ≤ to (negated when `to` is earlier), so "还剩 N 个工作日" counts
 * the deadline but not today, and workingDaysBetween(a, addWorkingDays(a, n).date) = n for n > 0.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): { days: number; estimate: boolean } {
  const a = toDayNumber(from)
  const b = toDayNumber(to)
  return { days: workingDaysBetweenDayNumbers(a, b), estimate: isEstimateRange(a, b) }
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday'

export interface DayDescription {
  date: IsoDate
  working: boolean
  kind: DayKind
  /** Chinese name of the holiday (for a make-up day: the holiday it makes up for), e.g. 春节 */
  holidayName?: string
  estimate: boolean
}

/** What kind of day a date is, for messages such as "截止日为春节假期". */
export function describeDay(date: IsoDate): DayDescription {
  const day = toDayNumber(date)
  const estimate = isEstimateRange(day, day)
  const { holidays, workdays } = publishedDays()
  const makeUp = workdays.get(date)
  if (makeUp !== undefined) return { date, working: true, kind: 'makeup-workday', holidayName: makeUp, estimate }
  const holiday = holidays.get(date)
  if (holiday !== undefined) return { date, working: false, kind: 'holiday', holidayName: holiday, estimate }
  const weekday = weekdayOfDayNumber(day)
  const working = weekday >= 1 && weekday <= 5
  return { date, working, kind: working ? 'workday' : 'weekend', estimate }
}
