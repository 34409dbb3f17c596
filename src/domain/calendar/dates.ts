/**
 * Calendar dates as plain 'YYYY-MM-DD' strings in China time (UTC+8, no daylight saving since 1991).
 *
 * A licence expires on a *date*, not an instant, so nothing here touches `Date` objects or the
 * device's time zone: `new Date('2026-03-02')` is UTC midnight, which is still 1 March on a phone
 * set to a US zone. All arithmetic is on integer day numbers (days since 1970-01-01, proleptic
 * Gregorian), which are also what the hot paths (reminder job, 1,000,000 licences) work with.
 */

/** A calendar date, 'YYYY-MM-DD' (China time). */
export type IsoDate = string

export interface DateParts {
  year: number
  /** 1–12 */
  month: number
  /** 1–31 */
  day: number
}

const DAY_MS = 86_400_000
const CHINA_OFFSET_MS = 8 * 3_600_000

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]
}

// In both conversions only `era` can be negative; every other quotient is of non-negative
// integers, so `| 0` (integer division in V8) replaces Math.floor — the million-licence job
// converts dates several times per licence.

/** Day number of a valid Y/M/D (H. Hinnant's days_from_civil: exact for every Gregorian date). */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = (((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) | 0) + day - 1
  const dayOfEra = yearOfEra * 365 + ((yearOfEra / 4) | 0) - ((yearOfEra / 100) | 0) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

/** Writes the Y/M/D of a day number into `out` (days_from_civil's inverse); no allocation. */
function civilInto(dayNumber: number, out: DateParts): DateParts {
  const z = dayNumber + 719_468
  const era = Math.floor(z / 146_097)
  const dayOfEra = z - era * 146_097
  const yearOfEra =
    ((dayOfEra - ((dayOfEra / 1460) | 0) + ((dayOfEra / 36_524) | 0) - ((dayOfEra / 146_096) | 0)) / 365) | 0
  const dayOfYear = dayOfEra - (365 * yearOfEra + ((yearOfEra / 4) | 0) - ((yearOfEra / 100) | 0))
  const mp = ((5 * dayOfYear + 2) / 153) | 0
  out.day = dayOfYear - (((153 * mp + 2) / 5) | 0) + 1
  out.month = mp < 10 ? mp + 3 : mp - 9
  out.year = yearOfEra + era * 400 + (out.month <= 2 ? 1 : 0)
  return out
}

/** Inverse of {@link dayNumberOf}. */
export function partsOfDayNumber(dayNumber: number): DateParts {
  return civilInto(dayNumber, { year: 0, month: 0, day: 0 })
}

function digit(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48
  return code >= 0 && code <= 9 ? code : -1000
}

/**
 * Day number of a strict 'YYYY-MM-DD' naming a real day, else NaN. Allocation-free: the reminder
 * job parses a million of these.
 */
export function dayNumberOrNaN(text: string): number {
  if (typeof text !== 'string' || text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45)
    return NaN
  // A non-digit counts −1000, which drives the field out of range whatever the other digits are.
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3)
  const month = digit(text, 5) * 10 + digit(text, 6)
  const day = digit(text, 8) * 10 + digit(text, 9)
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN
  return dayNumberOf(year, month, day)
}

/** Strict parse: exactly 'YYYY-MM-DD' naming a real day, else null. */
export function parseIsoDate(text: string): DateParts | null {
  const dayNumber = dayNumberOrNaN(text)
  return Number.isNaN(dayNumber) ? null : partsOfDayNumber(dayNumber)
}

export function isIsoDate(text: unknown): text is IsoDate {
  return typeof text === 'string' && !Number.isNaN(dayNumberOrNaN(text))
}

/** Day number of an ISO date; throws RangeError on anything that is not a real 'YYYY-MM-DD'. */
export function toDayNumber(date: IsoDate): number {
  const dayNumber = dayNumberOrNaN(date)
  if (Number.isNaN(dayNumber)) throw new RangeError(`Not a 'YYYY-MM-DD' date: ${String(date)}`)
  return dayNumber
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`
}

export function formatIsoDate({ year, month, day }: DateParts): IsoDate {
  const y = year < 1000 ? `${year}`.padStart(4, '0') : `${year}`
  return `${y}-${pad2(month)}-${pad2(day)}`
}

export function fromDayNumber(dayNumber: number): IsoDate {
  return formatIsoDate(partsOfDayNumber(dayNumber))
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days)
}

const scratch: DateParts = { year: 0, month: 0, day: 0 }

/**
 * Whole months added to a day number, the day clamped to the target month's last day (see
 * {@link addMonths}). Allocation-free, for months rules in bulk.
 */
export function addMonthsToDayNumber(dayNumber: number, months: number): number {
  civilInto(dayNumber, scratch)
  const index = scratch.year * 12 + (scratch.month - 1) + months
  const year = Math.floor(index / 12)
  const month = index - year * 12 + 1
  return dayNumberOf(year, month, Math.min(scratch.day, daysInMonth(year, month)))
}

/**
 * Whole months later (or earlier when negative). A day the target month lacks becomes its last
 * day — 民法典 第二百零二条: "没有对应日的，月末日为期间的最后一日". So 01-31 + 1 month is 02-28 (or
 * 02-29), and 03-31 − 1 month is 02-28/29, which for a "N months before expiry" deadline errs early.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return fromDayNumber(addMonthsToDayNumber(toDayNumber(date), months))
}

/** Whole years, with 02-29 becoming 02-28 in a common year (same rule as {@link addMonths}). */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12)
}

/** `to − from` in calendar days (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from)
}

/** The calendar date in China of an instant (ms since the epoch), whatever the device's zone. */
export function chinaDateOf(instantMs: number): IsoDate {
  return fromDayNumber(Math.floor((instantMs + CHINA_OFFSET_MS) / DAY_MS))
}

/** 'YYYY-MM-DD HH:mm' in China time of an ISO instant, for timestamps shown to users. */
export function chinaDateTimeOf(isoInstant: string): string {
  const ms = Date.parse(isoInstant)
  if (Number.isNaN(ms)) return isoInstant
  const minutes = Math.floor(((((ms + CHINA_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS) / 60000)
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0')
  const mm = String(minutes % 60).padStart(2, '0')
  return `${chinaDateOf(ms)} ${hh}:${mm}`
}
