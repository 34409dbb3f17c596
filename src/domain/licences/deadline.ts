/**
 * The last day to APPLY for renewal, from the expiry date and the licence type's lead rule.
 * Reminders count back from this date, not from the expiry date (docs/domain.md §1).
 *
 * Counting: the expiry day itself is never counted. "届满N日前" is expiry − N calendar days;
 * "届满N个工作日前" is the N-th working day strictly before the expiry date, so that N working
 * days [deadline, expiry) remain for the authority — the same convention as 民法典 第二百零一条
 * ("开始的当日不计入") and 行政许可法 第八十二条 (working days exclude statutory holidays).
 * "届满N个月前" is the same day N months earlier, clamped to month end (民法典 第二百零二条).
 *
 * A deadline that falls on a day off is MOVED BACK to the previous working day (`latestApplyOn`),
 * keeping the regulation's own date as `legalLatestApplyOn`. Why not keep the legal date and only
 * warn: the date is counted backwards from expiry to give the authority its full period, so 民法典
 * 第二百零三条 (a period ending on a holiday runs to the next working day) does not safely help the
 * applicant — applying after a 9-day 春节 break is applying "late" — and counters are closed on days
 * off. Advising the last working day on or before the legal deadline never lets a user miss it and
 * costs at most a few days. Working-day rules land on a working day by construction.
 */
import { addMonthsToDayNumber, fromDayNumber, toDayNumber, type IsoDate } from '../calendar/dates'
import {
  addWorkingDaysToDayNumber,
  isEstimateRange,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
} from '../calendar/workingDays'
import type { LeadRule, SimpleLeadRule } from './leadRules'

export interface RenewalDeadline {
  /** Last day to apply: the legal deadline, or the working day before it when that is a day off. */
  latestApplyOn: IsoDate
  /** The date the regulation itself gives, before moving off a day off. */
  legalLatestApplyOn: IsoDate
  /** true when latestApplyOn was moved back because legalLatestApplyOn is not a working day */
  movedOffDayOff: boolean
  /** Window rules only: first day an application is accepted (moved forward off a day off). */
  earliestApplyOn?: IsoDate
  /** true when the result relied on a year the State Council has not published yet */
  estimate: boolean
}

/** The same result as day numbers (see ../calendar/dates), for jobs over many licences. */
export interface RenewalDeadlineDays {
  latest: number
  legalLatest: number
  /** NaN unless the rule is a window */
  earliest: number
  estimate: boolean
}

/** The date a simple rule names, before any moving off days off. */
function ruleDay(expiry: number, rule: SimpleLeadRule): number {
  switch (rule.kind) {
    case 'calendarDays':
      return expiry - rule.days
    case 'workingDays':
      return addWorkingDaysToDayNumber(expiry, -rule.days)
    case 'months':
      return addMonthsToDayNumber(expiry, -rule.months)
  }
}

/** Whether the calendar days a rule's answer depended on include unpublished ones. */
function ruleEstimate(expiry: number, rule: SimpleLeadRule, legal: number, adjusted: number): boolean {
  // Working days: every day from the deadline up to the day before expiry was classified.
  if (rule.kind === 'workingDays') return isEstimateRange(legal, expiry - 1)
  // Calendar days and months: the date is exact; only the move off a day off used the calendar.
  return isEstimateRange(adjusted, legal)
}

export function renewalDeadlineDays(expiry: number, rule: LeadRule): RenewalDeadlineDays {
  const latestRule = rule.kind === 'window' ? rule.latest : rule
  const legalLatest = ruleDay(expiry, latestRule)
  const latest = workingDayOnOrBefore(legalLatest)
  let estimate = ruleEstimate(expiry, latestRule, legalLatest, latest)
  let earliest = NaN
  if (rule.kind === 'window') {
    const legalEarliest = ruleDay(expiry, rule.earliest)
    earliest = Math.min(workingDayOnOrAfter(legalEarliest), latest)
    estimate = estimate || ruleEstimate(expiry, rule.earliest, legalEarliest, earliest)
  }
  return { latest, legalLatest, earliest, estimate }
}

/** The string form of {@link renewalDeadlineDays}' result. */
export function deadlineFromDays(days: RenewalDeadlineDays): RenewalDeadline {
  const result: RenewalDeadline = {
    latestApplyOn: fromDayNumber(days.latest),
    legalLatestApplyOn: fromDayNumber(days.legalLatest),
    movedOffDayOff: days.latest !== days.legalLatest,
    estimate: days.estimate,
  }
  if (!Number.isNaN(days.earliest)) result.earliestApplyOn = fromDayNumber(days.earliest)
  return result
}

/**
 * When to apply for renewal of a licence expiring on `expiresOn` (valid through that day).
 * Throws RangeError when `expiresOn` is not a 'YYYY-MM-DD' date.
 */
export function renewalDeadline(expiresOn: IsoDate, rule: LeadRule): RenewalDeadline {
  return deadlineFromDays(renewalDeadlineDays(toDayNumber(expiresOn), rule))
}
