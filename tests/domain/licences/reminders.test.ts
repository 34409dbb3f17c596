import { addDays } from '../../../src/domain/calendar/dates'
import { LICENCE_CATALOGUE } from '../../../src/domain/licences/catalogue'
import { renewalDeadline } from '../../../src/domain/licences/deadline'
import {
  DEFAULT_REMINDER_OFFSETS,
  deadlinesRemindedOn,
  dueReminderOffsets,
  dueReminders,
} from '../../../src/domain/licences/reminders'
import type { LicenceRenewalFacts } from '../../../src/domain/licences/status'

// Expires 2026-09-30; apply by Monday 2026-08-31.
const licence: LicenceRenewalFacts = { expiresOn: '2026-09-30', leadRule: { kind: 'calendarDays', days: 30 } }

test('default offsets: 60, 30, 15, 7, 3 and 1 days before the deadline', () => {
  expect(DEFAULT_REMINDER_OFFSETS).toEqual([60, 30, 15, 7, 3, 1])
})

describe('dueReminderOffsets counts back from the deadline, not from expiry', () => {
  test.each([
    ['2026-07-02', [60]],
    ['2026-07-03', []],
    ['2026-08-01', [30]], // 30 days before expiry would be 8/31: nothing then
    ['2026-08-16', [15]],
    ['2026-08-24', [7]],
    ['2026-08-28', [3]],
    ['2026-08-30', [1]],
    ['2026-08-31', []], // the deadline day itself is not a default offset
    ['2026-09-01', []],
  ])('on %s: %j', (runDate, offsets) => {
    expect(dueReminderOffsets('2026-08-31', runDate)).toEqual(offsets)
  })

  test('custom offsets, including the deadline day', () => {
    expect(dueReminderOffsets('2026-08-31', '2026-08-31', [0, 30, 7])).toEqual([0])
    expect(dueReminderOffsets('2026-08-31', '2026-08-24', [0, 30, 7])).toEqual([7])
  })
})

describe('dueReminders for one licence', () => {
  test('a reminder before the deadline says which deadline', () => {
    expect(dueReminders(licence, '2026-08-01')).toEqual([
      { kind: 'before-deadline', daysBefore: 30, latestApplyOn: '2026-08-31' },
    ])
  })

  test('the expiry day itself', () => {
    expect(dueReminders(licence, '2026-09-30')).toEqual([{ kind: 'expiry-day', expiresOn: '2026-09-30' }])
  })

  test('counts from a deadline moved off 春节', () => {
    // Expires 2026-03-20: legal deadline 2/18 (春节) → apply by Saturday 2/14; 7 days before is 2/7.
    const spring = { expiresOn: '2026-03-20', leadRule: { kind: 'calendarDays', days: 30 } } as const
    expect(dueReminders(spring, '2026-02-07')).toEqual([
      { kind: 'before-deadline', daysBefore: 7, latestApplyOn: '2026-02-14' },
    ])
    expect(dueReminders(spring, '2026-02-12')).toEqual([])
  })

  test('none once the licence is cancelled', () => {
    expect(dueReminders({ ...licence, cancelledOn: '2026-07-20' }, '2026-08-01')).toEqual([])
    expect(dueReminders({ ...licence, cancelledOn: '2026-08-02' }, '2026-08-01')).toHaveLength(1)
  })

  describe('a renewal under way (已提交续期) hears of its deadline day and expiry day only', () => {
    const renewing = { ...licence, renewalStartedOn: '2026-07-20' }
    test.each([
      ['2026-07-02', []], // 60 days before: the countdown has stopped
      ['2026-08-01', []], // 30 days before
      ['2026-08-30', []], // 1 day before
      ['2026-08-31', [{ kind: 'before-deadline', daysBefore: 0, latestApplyOn: '2026-08-31' }]],
      ['2026-09-01', []],
      ['2026-09-30', [{ kind: 'expiry-day', expiresOn: '2026-09-30' }]],
      ['2026-10-01', []],
    ])('on %s: %j', (runDate, due) => {
      expect(dueReminders(renewing, runDate)).toEqual(due)
      // whatever offsets the user chose
      expect(dueReminders(renewing, runDate, [7, 1])).toEqual(due)
    })

    test('a cancelled licence stays silent even then', () => {
      expect(dueReminders({ ...renewing, cancelledOn: '2026-08-01' }, '2026-08-31')).toEqual([])
    })
  })

  test('none on other days', () => {
    expect(dueReminders(licence, '2026-08-02')).toEqual([])
  })
})

test('deadlinesRemindedOn lists the deadlines whose reminders fall on a run date', () => {
  expect(deadlinesRemindedOn('2026-08-01')).toEqual([
    '2026-09-30',
    '2026-08-31',
    '2026-08-16',
    '2026-08-08',
    '2026-08-04',
    '2026-08-02',
  ])
})

test('selecting by stored deadline finds exactly the licences a full scan finds', () => {
  const runDate = '2026-08-01'
  const licences: LicenceRenewalFacts[] = []
  for (let i = 0; i < 400; i++) {
    const type = LICENCE_CATALOGUE[i % LICENCE_CATALOGUE.length]
    licences.push({ expiresOn: addDays('2026-08-01', i), leadRule: type.leadRule })
  }
  const scanned = licences.filter((l) => dueReminders(l, runDate).length > 0)
  const wanted = new Set(deadlinesRemindedOn(runDate))
  const selected = licences.filter(
    (l) => wanted.has(renewalDeadline(l.expiresOn, l.leadRule).latestApplyOn) || l.expiresOn === runDate,
  )
  expect(selected).toEqual(scanned)
  expect(scanned.length).toBeGreaterThan(5)
})
