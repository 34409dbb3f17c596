import {
  DEFAULT_STATUS_THRESHOLDS,
  LICENCE_STATUS_LABELS,
  followUpDue,
  licenceStatus,
  urgencyOrder,
  type LicenceRenewalFacts,
  type LicenceStatus,
} from '../../../src/domain/licences/status'

// Expires Wednesday 2026-09-30; 30 calendar days before is Monday 2026-08-31, a working day.
const licence: LicenceRenewalFacts = { expiresOn: '2026-09-30', leadRule: { kind: 'calendarDays', days: 30 } }

describe('licenceStatus at every boundary (deadline 2026-08-31, expiry 2026-09-30)', () => {
  test.each<[string, LicenceStatus, number, number]>([
    ['2026-01-01', 'valid', 242, 272],
    ['2026-07-31', 'valid', 31, 61],
    ['2026-08-01', 'renewal-due', 30, 60], // exactly the 30-day horizon
    ['2026-08-23', 'renewal-due', 8, 38],
    ['2026-08-24', 'urgent', 7, 37], // exactly 7 days
    ['2026-08-31', 'urgent', 0, 30], // the last day to apply
    ['2026-09-01', 'deadline-missed', -1, 29], // the day after
    ['2026-09-30', 'deadline-missed', -30, 0], // still valid on its expiry day
    ['2026-10-01', 'expired', -31, -1],
  ])('on %s: %s (%i days to deadline, %i to expiry)', (today, status, daysToDeadline, daysToExpiry) => {
    expect(licenceStatus(licence, today)).toMatchObject({ status, daysToDeadline, daysToExpiry, estimate: false })
  })

  test('carries the deadline it used', () => {
    expect(licenceStatus(licence, '2026-08-01').deadline).toEqual({
      latestApplyOn: '2026-08-31',
      legalLatestApplyOn: '2026-08-31',
      movedOffDayOff: false,
      estimate: false,
    })
  })
})

describe('statuses the holder sets', () => {
  test('续期办理中 once the renewal has started, even past expiry (第五十条第二款)', () => {
    const renewing = { ...licence, renewalStartedOn: '2026-08-20' }
    expect(licenceStatus(renewing, '2026-08-25').status).toBe('renewing')
    expect(licenceStatus(renewing, '2026-10-15').status).toBe('renewing')
  })

  test('已注销 from the cancellation date on, and over everything else', () => {
    const cancelled = { ...licence, cancelledOn: '2026-08-28', renewalStartedOn: '2026-08-20' }
    expect(licenceStatus({ ...licence, cancelledOn: '2026-08-28' }, '2026-08-27').status).toBe('urgent')
    expect(licenceStatus(cancelled, '2026-08-28').status).toBe('cancelled')
    expect(licenceStatus(cancelled, '2027-01-01').status).toBe('cancelled')
  })
})

test('thresholds can be configured', () => {
  const thresholds = { horizonDays: 60, urgentDays: 15 }
  expect(licenceStatus(licence, '2026-07-02', thresholds).status).toBe('renewal-due') // 60 days
  expect(licenceStatus(licence, '2026-08-16', thresholds).status).toBe('urgent') // 15 days
  expect(DEFAULT_STATUS_THRESHOLDS).toEqual({ horizonDays: 30, urgentDays: 7 })
})

test('an estimated deadline makes the status an estimate', () => {
  const later = { expiresOn: '2028-03-15', leadRule: { kind: 'workingDays', days: 30 } } as const
  // Deadline 2028-02-02 (an estimate), 23 days after 2028-01-10.
  expect(licenceStatus(later, '2028-01-10')).toMatchObject({
    status: 'renewal-due',
    daysToDeadline: 23,
    estimate: true,
  })
})

describe('canApplyNow', () => {
  // 药品经营许可证 expiring 2026-12-31: window 2026-06-30 … 2026-10-30.
  const drug: LicenceRenewalFacts = {
    expiresOn: '2026-12-31',
    leadRule: { kind: 'window', earliest: { kind: 'months', months: 6 }, latest: { kind: 'months', months: 2 } },
  }
  test.each([
    ['2026-06-29', false],
    ['2026-06-30', true],
    ['2026-10-30', true],
    ['2026-10-31', false],
  ])('on %s: %s', (today, open) => {
    expect(licenceStatus(drug, today).canApplyNow).toBe(open)
  })

  test('without a window, any day up to the deadline', () => {
    expect(licenceStatus(licence, '2025-01-01').canApplyNow).toBe(true)
    expect(licenceStatus(licence, '2026-09-01').canApplyNow).toBe(false)
  })
})

describe('followUpDue: the staff call list at 3 days', () => {
  test.each<[string, Partial<LicenceRenewalFacts>, boolean, string]>([
    ['2026-08-27', {}, false, '4 days left'],
    ['2026-08-28', {}, true, '3 days left'],
    ['2026-08-31', {}, true, 'last day'],
    ['2026-09-10', {}, true, 'deadline missed, still valid: call'],
    ['2026-10-01', {}, false, 'expired: a new application, not a renewal call'],
    ['2026-08-30', { renewalStartedOn: '2026-08-29' }, false, 'renewal started'],
    ['2026-08-30', { cancelledOn: '2026-08-01' }, false, 'cancelled'],
  ])('on %s %j → %s (%s)', (today, extra, due) => {
    expect(followUpDue({ ...licence, ...extra }, today)).toBe(due)
  })
})

test('urgencyOrder puts what needs action now first, nearest deadline first', () => {
  const rows = [
    { id: 'valid', status: 'valid', daysToDeadline: 100 },
    { id: 'cancelled', status: 'cancelled', daysToDeadline: -5 },
    { id: 'due-20', status: 'renewal-due', daysToDeadline: 20 },
    { id: 'expired', status: 'expired', daysToDeadline: -40 },
    { id: 'urgent-5', status: 'urgent', daysToDeadline: 5 },
    { id: 'missed', status: 'deadline-missed', daysToDeadline: -2 },
    { id: 'renewing', status: 'renewing', daysToDeadline: 3 },
    { id: 'urgent-1', status: 'urgent', daysToDeadline: 1 },
    { id: 'due-10', status: 'renewal-due', daysToDeadline: 10 },
  ] as const
  expect([...rows].sort(urgencyOrder).map((row) => row.id)).toEqual([
    'missed',
    'urgent-1',
    'urgent-5',
    'expired',
    'due-10',
    'due-20',
    'renewing',
    'valid',
    'cancelled',
  ])
})

test('every status has a Chinese label', () => {
  expect(LICENCE_STATUS_LABELS).toEqual({
    valid: '有效',
    'renewal-due': '临近续期',
    urgent: '需立即办理',
    'deadline-missed': '已逾期未续',
    expired: '已过期',
    renewing: '续期办理中',
    cancelled: '已注销',
  })
})
