import { renewalDeadline } from '../../../src/domain/licences/deadline'
import type { SimpleLeadRule } from '../../../src/domain/licences/leadRules'

// Expected dates were counted by hand on the 2026 State Council calendar (see
// tests/domain/calendar/workingDays.test.ts): 春节 off 2/15–2/23 with Saturdays 2/14 and 2/28
// worked; 中秋 9/25–9/27; 国庆 10/1–10/7 with Sunday 9/20 and Saturday 10/10 worked.

const days = (n: number): SimpleLeadRule => ({ kind: 'calendarDays', days: n })
const workingDays = (n: number): SimpleLeadRule => ({ kind: 'workingDays', days: n })
const months = (n: number): SimpleLeadRule => ({ kind: 'months', months: n })

describe('calendar-day rules (行政许可法 第五十条: 届满30日前)', () => {
  test.each([
    // expiry, rule, legal date, latest apply date, why
    ['2026-09-30', days(30), '2026-08-31', '2026-08-31', 'a Monday: kept'],
    ['2026-06-30', days(30), '2026-05-31', '2026-05-29', 'Sunday → Friday before'],
    ['2026-03-20', days(30), '2026-02-18', '2026-02-14', '春节 → the make-up Saturday before it'],
    ['2026-04-15', days(60), '2026-02-14', '2026-02-14', '排污许可证: lands on a make-up Saturday, a working day'],
    ['2026-10-05', days(30), '2026-09-05', '2026-09-04', 'expiry on a holiday changes nothing; Saturday → Friday'],
    ['2026-11-06', days(30), '2026-10-07', '2026-09-30', 'last day of 国庆 → the Wednesday before it'],
  ])('expiry %s, %j → legal %s, apply by %s (%s)', (expiresOn, rule, legal, latest) => {
    expect(renewalDeadline(expiresOn, rule)).toEqual({
      latestApplyOn: latest,
      legalLatestApplyOn: legal,
      movedOffDayOff: legal !== latest,
      estimate: false,
    })
  })

  test('an expiry in an unpublished year is exact when its deadline is in a published one', () => {
    // 2027-01-20 − 30 days = Monday 2026-12-21: no 2027 day was consulted.
    expect(renewalDeadline('2027-01-20', days(30))).toMatchObject({ latestApplyOn: '2026-12-21', estimate: false })
  })
})

describe('working-day rules count back from the expiry date, which does not count (第八十二条)', () => {
  test('食品生产许可证 (30 working days) across 春节 and both make-up Saturdays', () => {
    // Working days before 3/10: 3/9, 3/6–3/2 (5), 2/28 (Sat), 2/27–2/24 (4), 2/14 (Sat), 2/13–2/9 (5),
    // 2/6–2/2 (5), 1/30–1/26 (5), 1/23, 1/22, 1/21 → the 30th is 1/21.
    expect(renewalDeadline('2026-03-10', workingDays(30))).toEqual({
      latestApplyOn: '2026-01-21',
      legalLatestApplyOn: '2026-01-21',
      movedOffDayOff: false,
      estimate: false,
    })
  })

  test('expiry on a holiday (国庆): the holiday days before it are skipped', () => {
    // 9/30, 9/29, 9/28, (中秋 9/25–27 off), 9/24–9/21, 9/20 (Sun, worked), 9/18 … → 30th is 8/20.
    expect(renewalDeadline('2026-10-05', workingDays(30)).latestApplyOn).toBe('2026-08-20')
  })

  test('the deadline itself is one of the N working days: N remain in [deadline, expiry)', () => {
    expect(renewalDeadline('2026-02-24', workingDays(1)).latestApplyOn).toBe('2026-02-14')
    expect(renewalDeadline('2026-02-25', workingDays(1)).latestApplyOn).toBe('2026-02-24')
  })

  test('past the last published year the result is an estimate (Monday–Friday)', () => {
    // 2028-03-15 is a Wednesday; 30 weekdays back is six weeks earlier.
    expect(renewalDeadline('2028-03-15', workingDays(30))).toEqual({
      latestApplyOn: '2028-02-02',
      legalLatestApplyOn: '2028-02-02',
      movedOffDayOff: false,
      estimate: true,
    })
  })
})

describe('month rules (届满3个月前) clamp to the month end', () => {
  test.each([
    ['2026-05-31', months(3), '2026-02-28', '2026-02-28', false, 'clamped onto a make-up Saturday'],
    ['2026-05-22', months(3), '2026-02-22', '2026-02-14', false, '春节 Sunday → 2/14'],
    ['2026-01-31', months(1), '2025-12-31', '2025-12-31', false, ''],
    ['2024-02-29', months(1), '2024-01-29', '2024-01-29', false, 'leap-day expiry'],
    ['2024-05-29', months(3), '2024-02-29', '2024-02-29', false, 'onto a leap day, a Thursday'],
    ['2028-02-29', months(3), '2027-11-29', '2027-11-29', true, 'leap-day expiry, unpublished years'],
    ['2028-05-31', months(3), '2028-02-29', '2028-02-29', true, 'clamped onto a leap day'],
  ])('expiry %s, %j → %s, apply by %s', (expiresOn, rule, legal, latest, estimate) => {
    expect(renewalDeadline(expiresOn, rule)).toEqual({
      latestApplyOn: latest,
      legalLatestApplyOn: legal,
      movedOffDayOff: legal !== latest,
      estimate,
    })
  })
})

describe('windows: no earlier than X, no later than Y', () => {
  test('药品经营许可证: 6 to 2 months before expiry', () => {
    expect(renewalDeadline('2026-12-31', { kind: 'window', earliest: months(6), latest: months(2) })).toEqual({
      earliestApplyOn: '2026-06-30',
      latestApplyOn: '2026-10-30', // 10/31 is a Saturday
      legalLatestApplyOn: '2026-10-31',
      movedOffDayOff: true,
      estimate: false,
    })
  })

  test('医疗器械经营许可证: 90 to 30 working days before expiry', () => {
    // 30 back from 10/5 is 8/20 (above); 60 more working days (端午 6/19 off) reach 5/27.
    expect(
      renewalDeadline('2026-10-05', {
        kind: 'window',
        earliest: { kind: 'workingDays', days: 90 },
        latest: { kind: 'workingDays', days: 30 },
      }),
    ).toEqual({
      earliestApplyOn: '2026-05-27',
      latestApplyOn: '2026-08-20',
      legalLatestApplyOn: '2026-08-20',
      movedOffDayOff: false,
      estimate: false,
    })
  })

  test('a window opening on a day off opens on the next working day', () => {
    // 2026-08-15 − 6 months = 2026-02-15, first day of 春节 → opens 2/24.
    const deadline = renewalDeadline('2026-08-15', {
      kind: 'window',
      earliest: { kind: 'months', months: 6 },
      latest: { kind: 'months', months: 2 },
    })
    expect(deadline.earliestApplyOn).toBe('2026-02-24')
    expect(deadline.latestApplyOn).toBe('2026-06-15')
  })

  test('an estimate in either end makes the whole result an estimate', () => {
    const deadline = renewalDeadline('2029-01-31', {
      kind: 'window',
      earliest: { kind: 'workingDays', days: 90 },
      latest: { kind: 'workingDays', days: 15 },
    })
    expect(deadline.estimate).toBe(true)
  })
})

test('rejects an expiry that is not a date', () => {
  expect(() => renewalDeadline('2026-02-30', days(30))).toThrow(RangeError)
})
