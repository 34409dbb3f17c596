import { dayNumberOf, daysInMonth, fromDayNumber, weekdayOfDayNumber, type IsoDate } from '../../domain/calendar/dates'

export interface MonthCell {
  date: IsoDate
  day: number
}

/** The weeks of a month, Monday first; null pads the days of the neighbouring months. */
export function monthWeeks(year: number, month: number): (MonthCell | null)[][] {
  const first = dayNumberOf(year, month, 1)
  const lead = (weekdayOfDayNumber(first) + 6) % 7
  const cells: (MonthCell | null)[] = Array.from({ length: lead }, () => null)
  for (let day = 1; day <= daysInMonth(year, month); day++) cells.push({ date: fromDayNumber(first + day - 1), day })
  while (cells.length % 7 !== 0) cells.push(null)
  const weeks: (MonthCell | null)[][] = []
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7))
  return weeks
}

/** 'YYYY-MM-DD' of the first and last day of the month. */
export function monthRange(year: number, month: number): { from: IsoDate; to: IsoDate } {
  const mm = String(month).padStart(2, '0')
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(daysInMonth(year, month)).padStart(2, '0')}` }
}

export function shiftMonth(year: number, month: number, by: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + by
  return { year: Math.floor(index / 12), month: (index % 12) + 1 }
}
