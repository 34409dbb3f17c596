import fc from 'fast-check'
import {
  addWorkingDays,
  calendarCoverage,
  describeDay,
  isWorkingDay,
  workingDaysBetween,
} from '../../../src/domain/calendar/workingDays'

// 2026 per 国务院办公厅 notice (https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm):
// 元旦 1/1–1/3, work Sun 1/4; 春节 2/15–2/23, work Sat 2/14 and Sat 2/28; 清明 4/4–4/6;
// 劳动节 5/1–5/5, work Sat 5/9; 端午 6/19–6/21; 中秋 9/25–9/27; 国庆 10/1–10/7, work Sun 9/20 and Sat 10/10.

describe('the published calendar', () => {
  test('starts in 2016 (the years kept: scripts/calendar-data.ts) and covers 2026; estimate tests below assume 2028 is not yet published', () => {
    const { firstYear, lastYear } = calendarCoverage()
    expect(firstYear).toBe(2016)
    expect(lastYear).toBeGreaterThanOrEqual(2026)
    // When chinese-days publishes 2028, move the estimate cases in these tests to a later year.
    expect(lastYear).toBeLessThan(2028)
  })
})

describe('isWorkingDay', () => {
  test.each([
    ['2026-01-01', false, '元旦, Thursday'],
    ['2026-01-02', false, '元旦, Friday'],
    ['2026-01-04', true, 'Sunday made a working day for 元旦'],
    ['2026-02-13', true, 'Friday before 春节'],
    ['2026-02-14', true, 'Saturday made a working day (调休)'],
    ['2026-02-15', false, '春节 begins, Sunday'],
    ['2026-02-16', false, '春节, Monday'],
    ['2026-02-20', false, '春节, Friday'],
    ['2026-02-23', false, '春节 ends, Monday'],
    ['2026-02-24', true, 'first working day after 春节'],
    ['2026-02-28', true, 'Saturday made a working day (调休)'],
    ['2026-03-01', false, 'ordinary Sunday'],
    ['2026-04-06', false, '清明, Monday'],
    ['2026-05-05', false, '劳动节, Tuesday'],
    ['2026-05-09', true, 'Saturday made a working day'],
    ['2026-06-19', false, '端午, Friday'],
    ['2026-09-20', true, 'Sunday made a working day for 国庆'],
    ['2026-09-25', false, '中秋, Friday'],
    ['2026-10-01', false, '国庆, Thursday'],
    ['2026-10-07', false, '国庆 ends, Wednesday'],
    ['2026-10-08', true, 'Thursday after 国庆'],
    ['2026-10-10', true, 'Saturday made a working day for 国庆'],
    ['2026-10-11', false, 'ordinary Sunday'],
    ['2025-10-08', false, '2025 国庆 + 中秋 ran to Wednesday 10/8'],
    ['2025-09-28', true, '2025 make-up Sunday'],
    ['2030-10-01', true, 'beyond the published years: plain Tuesday (estimate)'],
    ['2030-10-05', false, 'beyond the published years: Saturday'],
    ['2015-10-01', true, 'before 2016: plain Thursday (estimate)'],
  ])('%s → %s (%s)', (date, working) => {
    expect(isWorkingDay(date)).toBe(working)
  })
})

describe('describeDay', () => {
  test('names the holiday a day belongs to, or the one a make-up day serves', () => {
    expect(describeDay('2026-02-18')).toEqual({
      date: '2026-02-18',
      working: false,
      kind: 'holiday',
      holidayName: '春节',
      estimate: false,
    })
    expect(describeDay('2026-02-28')).toEqual({
      date: '2026-02-28',
      working: true,
      kind: 'makeup-workday',
      holidayName: '春节',
      estimate: false,
    })
    expect(describeDay('2026-10-10')).toMatchObject({ kind: 'makeup-workday', holidayName: '国庆节' })
    expect(describeDay('2026-03-07')).toEqual({ date: '2026-03-07', working: false, kind: 'weekend', estimate: false })
    expect(describeDay('2030-01-01')).toEqual({ date: '2030-01-01', working: true, kind: 'workday', estimate: true })
  })
})

describe('addWorkingDays', () => {
  test.each([
    ['2026-02-24', -1, '2026-02-14', 'back over the whole 春节 break to the make-up Saturday'],
    ['2026-02-24', -2, '2026-02-13', ''],
    ['2026-02-13', 1, '2026-02-14', 'the make-up Saturday counts'],
    ['2026-02-14', 1, '2026-02-24', ''],
    ['2026-03-02', -1, '2026-02-28', 'Monday back to the make-up Saturday'],
    ['2026-10-09', -2, '2026-09-30', 'back over 国庆'],
    ['2026-10-12', -1, '2026-10-10', ''],
    ['2026-10-15', -10, '2026-09-24', 'over 国庆, 中秋 and the make-up Sunday 9/20'],
    ['2026-02-15', 0, '2026-02-15', 'zero leaves the date alone'],
    ['2016-01-04', -3, '2015-12-29', 'out of the table: Monday–Friday before 2016 (1/1 元旦 off)'],
  ])('%s %+i working days = %s %s', (date, count, expected) => {
    expect(addWorkingDays(date, count)).toEqual({ date: expected, estimate: date < '2016' || expected < '2016' })
  })

  test('a result that needed an unpublished year is an estimate', () => {
    // Friday 2027-12-31 → Monday 2028-01-03 (1/1 and 1/2 of 2028 are a weekend).
    expect(addWorkingDays('2027-12-31', 1)).toEqual({ date: '2028-01-03', estimate: true })
    // 2028-03-15 is a Wednesday: 30 weekdays before it is six whole weeks earlier.
    expect(addWorkingDays('2028-03-15', -30)).toEqual({ date: '2028-02-02', estimate: true })
  })
})

describe('workingDaysBetween counts days in (from, to]', () => {
  test.each([
    ['2026-02-13', '2026-02-24', 2, false],
    ['2026-02-24', '2026-02-13', -2, false],
    ['2026-09-30', '2026-10-31', 18, false], // 10/8, 10/9, 10/10, then three full weeks
    // 261 weekdays − 19 weekday holidays + 6 make-up days
    ['2025-12-31', '2026-12-31', 248, false],
    // 2029 is not published: 261 weekdays (it starts and ends on a Monday)
    ['2028-12-31', '2029-12-31', 261, true],
    ['2015-12-25', '2016-01-08', 9, true], // Dec 28–31, then 元旦 off, Jan 4–8
  ])('%s → %s: %i', (from, to, days, estimate) => {
    expect(workingDaysBetween(from, to)).toEqual({ days, estimate })
  })

  test('undoes addWorkingDays for any start and count', () => {
    const start = Date.UTC(2003, 0, 1) / 86_400_000
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 30 }), fc.integer({ min: 1, max: 400 }), (offset, count) => {
        const date = new Date((start + offset) * 86_400_000).toISOString().slice(0, 10)
        const later = addWorkingDays(date, count).date
        expect(workingDaysBetween(date, later).days).toBe(count)
        expect(isWorkingDay(later)).toBe(true)
        const earlier = addWorkingDays(date, -count).date
        expect(isWorkingDay(earlier)).toBe(true)
        // (earlier, date] holds count − 1 working days, plus date itself when it is one
        expect(workingDaysBetween(earlier, date).days).toBe(count - 1 + (isWorkingDay(date) ? 1 : 0))
      }),
    )
  })
})
