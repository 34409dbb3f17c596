/**
 * What a licence's holder should do today, as one status a user understands (docs/domain.md §1:
 * 有效 / 临近续期 / 需立即办理 / 已过期 / 已注销, plus 续期办理中 once the user says so).
 * Distances are in calendar days from today to the renewal deadline (`latestApplyOn`), because
 * reminders count back from the deadline, not from expiry.
 */
import { toDayNumber, type IsoDate } from '../calendar/dates'
import { deadlineFromDays, renewalDeadlineDays, type RenewalDeadline, type RenewalDeadlineDays } from './deadline'
import type { LeadRule } from './leadRules'

/** Every status a licence can have: THE list (the wire contract, the route schema and the screens read it). */
export const LICENCE_STATUSES = [
  'valid',
  'renewal-due',
  'urgent',
  'deadline-missed',
  'expired',
  'renewing',
  'cancelled',
] as const

export type LicenceStatus = (typeof LICENCE_STATUSES)[number]

export const LICENCE_STATUS_LABELS: Record<LicenceStatus, string> = {
  valid: '有效',
  'renewal-due': '临近续期',
  urgent: '需立即办理',
  'deadline-missed': '已逾期未续',
  expired: '已过期',
  renewing: '续期办理中',
  cancelled: '已注销',
}

/** The facts of a licence record that decide its renewal. */
export interface LicenceRenewalFacts {
  /** last day of validity (the licence is valid through it) */
  expiresOn: IsoDate
  leadRule: LeadRule
  /** set once the holder says the renewal application is under way */
  renewalStartedOn?: IsoDate | null
  /** 注销: the licence no longer needs renewing from this date */
  cancelledOn?: IsoDate | null
}

export interface StatusThresholds {
  /** 临近续期 from this many days before the deadline */
  horizonDays: number
  /** 需立即办理 from this many days before the deadline (inclusive) */
  urgentDays: number
}

export const DEFAULT_STATUS_THRESHOLDS: StatusThresholds = { horizonDays: 30, urgentDays: 7 }

export interface LicenceStatusResult {
  status: LicenceStatus
  deadline: RenewalDeadline
  /** latestApplyOn − today: 0 on the last day, negative once it has passed */
  daysToDeadline: number
  /** expiresOn − today: 0 on the last valid day */
  daysToExpiry: number
  estimate: boolean
  /** today lies within [earliestApplyOn, latestApplyOn] (no lower bound without a window) */
  canApplyNow: boolean
}

/**
 * The status from day numbers, for jobs over many licences. Precedence: 已注销, then 续期办理中 —
 * even past expiry, since 行政许可法 第五十条第二款 deems a timely application granted when the
 * authority has not decided by expiry — then 已过期, 已逾期未续, 需立即办理, 临近续期, 有效.
 */
export function statusOnDay(
  deadline: RenewalDeadlineDays,
  expiry: number,
  today: number,
  renewing: boolean,
  cancelled: boolean,
  thresholds: StatusThresholds = DEFAULT_STATUS_THRESHOLDS,
): LicenceStatus {
  if (cancelled) return 'cancelled'
  if (renewing) return 'renewing'
  if (today > expiry) return 'expired'
  const daysToDeadline = deadline.latest - today
  if (daysToDeadline < 0) return 'deadline-missed'
  if (daysToDeadline <= thresholds.urgentDays) return 'urgent'
  if (daysToDeadline <= thresholds.horizonDays) return 'renewal-due'
  return 'valid'
}

export function licenceStatus(
  licence: LicenceRenewalFacts,
  today: IsoDate,
  thresholds: StatusThresholds = DEFAULT_STATUS_THRESHOLDS,
): LicenceStatusResult {
  const todayDay = toDayNumber(today)
  const expiry = toDayNumber(licence.expiresOn)
  const days = renewalDeadlineDays(expiry, licence.leadRule)
  const cancelled = licence.cancelledOn != null && toDayNumber(licence.cancelledOn) <= todayDay
  const renewing = licence.renewalStartedOn != null
  const hasWindow = !Number.isNaN(days.earliest)
  return {
    status: statusOnDay(days, expiry, todayDay, renewing, cancelled, thresholds),
    deadline: deadlineFromDays(days),
    daysToDeadline: days.latest - todayDay,
    daysToExpiry: expiry - todayDay,
    estimate: days.estimate,
    canApplyNow: todayDay <= days.latest && (!hasWindow || todayDay >= days.earliest),
  }
}

/**
 * On the staff call list (the origin city drew one up at 3 days, for phone follow-up): the deadline
 * is at most `withinDays` away or has just passed while the licence is still valid, and nobody has
 * started the renewal.
 */
export function followUpDue(licence: LicenceRenewalFacts, today: IsoDate, withinDays = 3): boolean {
  const { status, daysToDeadline } = licenceStatus(licence, today)
  if (status === 'deadline-missed') return true
  return (status === 'urgent' || status === 'renewal-due' || status === 'valid') && daysToDeadline <= withinDays
}

/**
 * Most pressing first: a missed deadline can still be rescued before expiry, so it leads; then
 * 需立即办理, then 已过期 (needs a new application), 临近续期, 续期办理中, 有效, 已注销.
 */
const URGENCY_RANK: Record<LicenceStatus, number> = {
  'deadline-missed': 0,
  urgent: 1,
  expired: 2,
  'renewal-due': 3,
  renewing: 4,
  valid: 5,
  cancelled: 6,
}

/** Comparator for Array.prototype.sort: by status, then the nearest deadline first. */
export function urgencyOrder(
  a: Pick<LicenceStatusResult, 'status' | 'daysToDeadline'>,
  b: Pick<LicenceStatusResult, 'status' | 'daysToDeadline'>,
): number {
  return URGENCY_RANK[a.status] - URGENCY_RANK[b.status] || a.daysToDeadline - b.daysToDeadline
}
