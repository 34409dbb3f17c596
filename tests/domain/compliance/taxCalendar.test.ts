import { dayNumberOf, fromDayNumber, weekdayOfDayNumber } from '../../../src/domain/calendar/dates'
import {
  computedDeadlineUsesEstimatedCalendar,
  computedTaxDeadlineDay,
  monthlyTaxDeadline,
} from '../../../src/domain/compliance/taxCalendar'

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1)

// 税总办征科函〔2025〕64号, 2026年申报纳税期限 — typed here from the notice, independent of the data file.
const PUBLISHED_2026 = [
  '2026-01-20',
  '2026-02-24',
  '2026-03-16',
  '2026-04-20',
  '2026-05-22',
  '2026-06-15',
  '2026-07-15',
  '2026-08-17',
  '2026-09-15',
  '2026-10-26',
  '2026-11-16',
  '2026-12-15',
]

describe('2026: the published table', () => {
  test.each(MONTHS)('month %i equals the notice', (month) => {
    expect(monthlyTaxDeadline(2026, month)).toEqual({
      date: PUBLISHED_2026[month - 1],
      estimated: false,
      origin: 'published',
    })
  })

  test.each(MONTHS)('实施细则 §109 reproduces month %i', (month) => {
    expect(fromDayNumber(computedTaxDeadlineDay(2026, month))).toBe(PUBLISHED_2026[month - 1])
  })

  test.each([
    // month, why
    [1, '元旦 1–3 Jan (3 days) → 15 Jan + 3 working days (16, 19, 20)'],
    [2, '春节 starts on the 15th: only 1 day in the first 15 → the day after the holiday, Tue 24 Feb'],
    [3, '15 Mar is a Sunday → Monday'],
    [5, '劳动节 1–5 May (5 days) → 15 May + 5 working days; the make-up Saturday 9 May is before the 15th'],
    [10, '国庆 1–7 Oct (7 days) → 15 Oct + 7 working days = Mon 26 Oct'],
  ])('month %i: %s', (month) => {
    expect(fromDayNumber(computedTaxDeadlineDay(2026, month))).toBe(PUBLISHED_2026[month - 1])
  })
})

// The 2024 table as restated by a third-party tax site (crsrw.com/dianzishuiwu/1586.html): a second year
// the §109 computation must reproduce, with 春节 spanning the 15th and a 3-day 端午 touching a weekend.
const TABLE_2024 = [
  '01-15',
  '02-23',
  '03-15',
  '04-18',
  '05-22',
  '06-19',
  '07-15',
  '08-15',
  '09-18',
  '10-24',
  '11-15',
  '12-16',
]

test.each(MONTHS)('§109 reproduces the 2024 table, month %i', (month) => {
  expect(fromDayNumber(computedTaxDeadlineDay(2024, month))).toBe(`2024-${TABLE_2024[month - 1]}`)
})

describe('a year without a published table', () => {
  test('2025 (table not shipped) is computed and marked 预计, with holidays from the State Council calendar', () => {
    expect(monthlyTaxDeadline(2025, 2)).toEqual({ date: '2025-02-20', estimated: true, origin: 'computed' })
    // 端午 31 May – 2 June: only 2 days fall in June, so no extension; 15 June is a Sunday → Monday.
    expect(monthlyTaxDeadline(2025, 6).date).toBe('2025-06-16')
    // 国庆+中秋 1–8 Oct: 15 Oct + 8 working days.
    expect(monthlyTaxDeadline(2025, 10).date).toBe('2025-10-27')
    expect(computedDeadlineUsesEstimatedCalendar(2025, 10)).toBe(false)
  })

  test('2027 is an estimate on Monday–Friday: the 15th or the Monday after, every month 预计', () => {
    const expected = [
      '2027-01-15',
      '2027-02-15',
      '2027-03-15',
      '2027-04-15',
      '2027-05-17',
      '2027-06-15',
      '2027-07-15',
      '2027-08-16',
      '2027-09-15',
      '2027-10-15',
      '2027-11-15',
      '2027-12-15',
    ]
    for (const month of MONTHS) {
      const deadline = monthlyTaxDeadline(2027, month)
      expect(deadline).toEqual({ date: expected[month - 1], estimated: true, origin: 'computed' })
      expect(computedDeadlineUsesEstimatedCalendar(2027, month)).toBe(true)
      const weekday = weekdayOfDayNumber(dayNumberOf(2027, month, Number(deadline.date.slice(8))))
      expect(weekday >= 1 && weekday <= 5).toBe(true)
    }
  })
})
