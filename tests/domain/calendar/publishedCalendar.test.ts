import chineseDays from 'chinese-days/dist/chinese-days.json'
import { FIRST_YEAR, runsOf } from '../../../scripts/calendar-data'
import { HOLIDAY_RUNS, MAKEUP_WORKDAY_RUNS } from '../../../src/domain/calendar/publishedCalendar'
import { publishedDays } from '../../../src/domain/calendar/workingDays'

// The bundle carries a trimmed copy of chinese-days (years FIRST_YEAR onward, names only). When
// chinese-days publishes a new year, this fails: run `npx tsx scripts/calendar-data.ts`.
const source = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> }

function expected(entries: Record<string, string>): Map<string, string> {
  return new Map(
    Object.entries(entries)
      .filter(([date]) => Number(date.slice(0, 4)) >= FIRST_YEAR)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, value]) => [date, value.split(',')[1]]),
  )
}

const sorted = (days: ReadonlyMap<string, string>) => new Map([...days].sort(([a], [b]) => a.localeCompare(b)))

describe('the trimmed State Council calendar', () => {
  test('keeps 2016 onward, through the last year chinese-days publishes', () => {
    const lastPublished = Math.max(...Object.keys(source.holidays).map((date) => Number(date.slice(0, 4))))
    expect(FIRST_YEAR).toBe(2016)
    expect(Object.keys(HOLIDAY_RUNS).map(Number)).toEqual(
      Array.from({ length: lastPublished - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i),
    )
  })

  test('every day off and make-up working day of those years equals chinese-days, with its name', () => {
    const { holidays, workdays } = publishedDays()
    expect(sorted(holidays)).toEqual(expected(source.holidays))
    expect(sorted(workdays)).toEqual(expected(source.workdays))
  })

  test('the committed module is what scripts/calendar-data.ts writes today', () => {
    expect(HOLIDAY_RUNS).toEqual(runsOf(source.holidays, FIRST_YEAR))
    expect(MAKEUP_WORKDAY_RUNS).toEqual(runsOf(source.workdays, FIRST_YEAR))
  })
})
