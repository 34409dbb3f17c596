/**
 * 政策申报窗口: a favourited or 可申报 policy's application window as a deadline. The closing day
 * is the policy's own (inclusive, as published) and is not moved; the reminders count WORKING days
 * back from it, because applications are prepared and checked by offices that close on days off.
 */
import { fromDayNumber, toDayNumber, type IsoDate } from '../calendar/dates'
import { addWorkingDaysToDayNumber, isEstimateRange, workingDayOnOrAfter } from '../calendar/workingDays'
import type { ComplianceItem, ReminderDay } from './item'

export interface PolicyWindowFacts {
  policyId: string
  title: string
  opensOn?: IsoDate
  closesOn?: IsoDate
}

/** Closing reminders: this many working days before the closing day. */
export const POLICY_CLOSING_REMINDER_WORKING_DAYS: readonly number[] = [5, 1]

/**
 * The window's item when it closes in `year`; none for an open-ended window (no deadline to keep).
 * Reminders: the opening day (the first working day on or after it) and 5 and 1 working days before
 * the closing day, none of them before the window opens.
 */
export function planPolicyWindow(enterpriseId: string, policy: PolicyWindowFacts, year: number): ComplianceItem[] {
  if (policy.closesOn === undefined || Number(policy.closesOn.slice(0, 4)) !== year) return []
  const closes = toDayNumber(policy.closesOn)
  const opens = policy.opensOn === undefined ? Number.NEGATIVE_INFINITY : toDayNumber(policy.opensOn)
  const days: ReminderDay[] = []
  if (policy.opensOn !== undefined) {
    const first = workingDayOnOrAfter(opens)
    if (first <= closes) days.push({ date: fromDayNumber(first), estimated: isEstimateRange(opens, first) })
  }
  for (const before of POLICY_CLOSING_REMINDER_WORKING_DAYS) {
    const day = addWorkingDaysToDayNumber(closes, -before)
    if (day >= opens && (days.length === 0 || fromDayNumber(day) > days[days.length - 1].date)) {
      days.push({ date: fromDayNumber(day), estimated: isEstimateRange(day, closes) })
    }
  }
  const item: ComplianceItem = {
    kind: 'policy-window',
    enterpriseId,
    sourceId: `policy:${policy.policyId}`,
    title: `${policy.title} 申报截止`,
    dueDate: policy.closesOn,
    estimated: false,
    countsWorkingDays: true,
    reminders: days,
    legalBasis: '以政策文件公布的申报时间为准',
  }
  if (policy.opensOn !== undefined) item.opensOn = policy.opensOn
  return [item]
}
