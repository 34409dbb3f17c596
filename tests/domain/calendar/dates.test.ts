import fc from 'fast-check'
import {
  addDays,
  addMonths,
  addYears,
  chinaDateOf,
  daysBetween,
  fromDayNumber,
  isIsoDate,
  parseIsoDate,
  toDayNumber,
  weekdayOfDayNumber,
} from '../../../src/domain/calendar/dates'

describe('parsing YYYY-MM-DD', () => {
  test.each([
    ['2026-02-14', { year: 2026, month: 2, day: 14 }],
    ['2024-02-29', { year: 2024, month: 2, day: 29 }], // leap year
    ['2000-02-29', { year: 2000, month: 2, day: 29 }], // divisible by 400
    ['2028-02-29', { year: 2028, month: 2, day: 29 }],
  ])('accepts %s', (text, parts) => {
    expect(parseIsoDate(text)).toEqual(parts)
    expect(isIsoDate(text)).toBe(true)
  })

  test.each([
    '2026-02-29', // 2026 is not a leap year
    '2100-02-29', // divisible by 100, not 400
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-01',
    '2026/01/01',
    ' 2026-01-01',
    '2026-01-01T00:00',
    '２０２６-01-01', // full-width digits
    '',
  ])('rejects %j', (text) => {
    expect(parseIsoDate(text)).toBeNull()
    expect(isIsoDate(text)).toBe(false)
    expect(() => toDayNumber(text)).toThrow(RangeError)
  })
})

describe('day numbers', () => {
  test.each([
    ['1970-01-01', 0],
    ['1969-12-31', -1],
    ['2000-03-01', 11_017], // 30 years (7 leap days) + Jan + Feb 2000
    ['2026-01-01', 20_454], // 56 × 365 + 14 leap days (1972…2024)
    ['2026-02-14', 20_498],
  ])('%s is day %i', (date, day) => {
    expect(toDayNumber(date)).toBe(day)
    expect(fromDayNumber(day)).toBe(date)
  })

  test('agree with Date.UTC from year 1 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (day) => {
        const date = new Date(day * 86_400_000)
        const expected = `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`
        expect(fromDayNumber(day)).toBe(expected)
        expect(toDayNumber(expected)).toBe(day)
      }),
    )
  })

  test.each([
    ['2026-02-14', 6], // Saturday (a make-up working day, but still a Saturday)
    ['2026-02-15', 0],
    ['2026-10-01', 4],
    ['2028-02-29', 2],
  ])('%s falls on weekday %i', (date, weekday) => {
    expect(weekdayOfDayNumber(toDayNumber(date))).toBe(weekday)
  })
})

describe('adding days', () => {
  test.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-06-30', -30, '2026-05-31'],
  ])('%s %+i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected)
  })

  test.each([
    ['2026-01-01', '2027-01-01', 365],
    ['2028-01-01', '2029-01-01', 366],
    ['2026-02-24', '2026-02-14', -10],
  ])('from %s to %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days)
  })
})

describe('adding months clamps to the month end (民法典 第二百零二条)', () => {
  test.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2028-03-31', -1, '2028-02-29'],
    ['2026-05-31', -3, '2026-02-28'],
    ['2028-05-31', -3, '2028-02-29'],
    ['2028-02-29', -3, '2027-11-29'],
    ['2024-02-29', -1, '2024-01-29'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-12-15', 2, '2027-02-15'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
  ])('%s %+i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected)
  })

  test('a leap day plus whole years lands on 28 February in common years', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28')
    expect(addYears('2024-02-29', 5)).toBe('2029-02-28')
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29')
  })

  test('never overshoots the target month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: -120, max: 120 }), (day, months) => {
        const from = parseIsoDate(fromDayNumber(day))!
        const to = parseIsoDate(addMonths(fromDayNumber(day), months))!
        expect((to.year - from.year) * 12 + (to.month - from.month)).toBe(months)
        expect(to.day).toBeLessThanOrEqual(from.day)
      }),
    )
  })
})

describe('today in China', () => {
  test('China is UTC+8: 16:00 UTC is already the next day', () => {
    expect(chinaDateOf(Date.UTC(2026, 0, 31, 16, 0, 0))).toBe('2026-02-01')
    expect(chinaDateOf(Date.UTC(2026, 0, 31, 15, 59, 59, 999))).toBe('2026-01-31')
  })
})
