/**
 * The handling clock of a complaint: its due date, how many working days are left, and when the
 * overdue check should raise 督办 (12345 guideline, 国办发〔2020〕53号: 限时办结, 超期督办).
 *
 * When the clock starts: at SUBMISSION, not at staff 受理. The guideline counts from 受理, but in
 * this app the online form is the 受理 channel — the platform takes the case the moment it is
 * submitted, around the clock — and staff 受理 only classifies it. Counting from submission means
 * a slow 受理 eats into the handlers' time, not the submitter's, which is what 有诉即办 promises.
 * As for any period counted in days, the starting day itself is not counted (民法典 第二百零一条):
 * an N-working-day limit ends on the N-th working day after the submission date (China time), so
 * a case submitted at 23:59 and one submitted at 08:00 on the same day are due on the same day.
 *
 * The clock stops at 答复 (the answer is what the limit promises) or 撤回, and stands still while
 * 退回补充 waits for the submitter: each pause adds the working days d with start < d ≤ end to the
 * limit, so the day staff ask counts against them and the day the submitter answers does not.
 */
import { addWorkingDays, workingDaysBetween } from '../calendar/workingDays'
import type { IsoDate } from '../calendar/dates'
import { complaintCategory, DEFAULT_COMPLAINT_RULES, type ComplaintRules } from './categories'
import { chinaDateOfInstant, type ComplaintCase, type ComplaintState, type Instant } from './complaintCase'

export type SlaClock = 'running' | 'paused' | 'replied' | 'withdrawn'

export interface SlaStatus {
  /** the last working day for the reply, moved on by every pause */
  dueOn: IsoDate
  /**
   * Working days after today up to `dueOn`: 0 on the due day; once overdue, minus the working days
   * since it (0 on a weekend straight after the due day, when `overdue` is already true).
   */
  workingDaysLeft: number
  overdue: boolean
  /** some day involved lies beyond the published holiday calendar: show as 预估 */
  estimate: boolean
  clock: SlaClock
  timeLimitWorkingDays: number
  pausedWorkingDays: number
}

function clockOf(complaint: ComplaintCase): SlaClock {
  if (complaint.repliedAt !== null) return 'replied'
  if (complaint.withdrawnAt !== null) return 'withdrawn'
  return complaint.state === 'needs-info' ? 'paused' : 'running'
}

/**
 * The SLA of a case as of `now` — or as of its reply or withdrawal, once the clock has stopped.
 * Throws RangeError when the city's table no longer has the case's category.
 */
export function slaStatus(
  complaint: ComplaintCase,
  now: Instant,
  rules: ComplaintRules = DEFAULT_COMPLAINT_RULES,
): SlaStatus {
  const category = complaintCategory(complaint.category, rules)
  if (category === undefined) throw new RangeError(`No time limit for category ${complaint.category}`)
  const clock = clockOf(complaint)
  const asOf = complaint.repliedAt ?? complaint.withdrawnAt ?? now
  const today = chinaDateOfInstant(asOf)

  let pausedWorkingDays = 0
  let estimate = false
  for (const pause of complaint.pauses) {
    // An open pause runs until today: the due date moves on with it, so the days left stand still.
    const end = pause.endedAt === null ? today : chinaDateOfInstant(pause.endedAt)
    const paused = workingDaysBetween(chinaDateOfInstant(pause.startedAt), end)
    pausedWorkingDays += Math.max(0, paused.days)
    estimate ||= paused.estimate
  }

  const limit = category.timeLimitWorkingDays
  const due = addWorkingDays(chinaDateOfInstant(complaint.submittedAt), limit + pausedWorkingDays)
  const left = workingDaysBetween(today, due.date)
  return {
    dueOn: due.date,
    workingDaysLeft: left.days,
    overdue: today > due.date,
    estimate: estimate || due.estimate || left.estimate,
    clock,
    timeLimitWorkingDays: limit,
    pausedWorkingDays,
  }
}

/** Late and still waiting on someone: overdue with the clock running or paused (not replied, not withdrawn). */
export function isLate(status: SlaStatus): boolean {
  return status.overdue && (status.clock === 'running' || status.clock === 'paused')
}

function runningText(status: SlaStatus): string {
  if (status.overdue) {
    const late = -status.workingDaysLeft
    return late > 0 ? `已超期 ${late} 个工作日` : '已超期'
  }
  return status.workingDaysLeft === 0 ? '今天到期' : `剩余 ${status.workingDaysLeft} 个工作日`
}

/** The countdown line under a case: 剩余 2 个工作日 / 今天到期 / 已超期 1 个工作日, and so on. */
export function countdownText(status: SlaStatus): string {
  const suffix = status.estimate ? '（预估）' : ''
  switch (status.clock) {
    case 'withdrawn':
      return '已撤回，不再计时'
    case 'replied': {
      if (!status.overdue) return '已按时答复'
      const late = -status.workingDaysLeft
      return late > 0 ? `超期 ${late} 个工作日答复` : '超期答复'
    }
    case 'paused': {
      const standing = !status.overdue && status.workingDaysLeft === 0 ? '补充后当天到期' : runningText(status)
      return `等待补充材料，暂停计时（${standing}）${suffix}`
    }
    case 'running':
      return `${runningText(status)}${suffix}`
  }
}

/** States in which the clock runs and nobody but the handlers can move the case on. */
export const SUPERVISABLE_STATES: readonly ComplaintState[] = ['submitted', 'accepted', 'assigned', 'in-progress']

/**
 * The predicate of the server's 督办 job: the case is overdue, its clock is running (not waiting
 * on the submitter), and it has not been supervised yet — 督办 is raised once per case.
 */
export function needsSupervision(
  complaint: ComplaintCase,
  now: Instant,
  rules: ComplaintRules = DEFAULT_COMPLAINT_RULES,
): boolean {
  if (complaint.supervisedAt !== null || !SUPERVISABLE_STATES.includes(complaint.state)) return false
  return slaStatus(complaint, now, rules).overdue
}

export interface ReturnVisitStatus {
  callBackOverdue: boolean
  rectificationOverdue: boolean
}

/** Which 回访 deadlines have passed unmet, for the job that reminds staff; null outside 回访. */
export function returnVisitStatus(complaint: ComplaintCase, now: Instant): ReturnVisitStatus | null {
  const visit = complaint.returnVisit
  if (complaint.state !== 'return-visit' || visit === null) return null
  const today = chinaDateOfInstant(now)
  return {
    callBackOverdue: visit.calledBackAt === null && today > visit.callBackBy,
    rectificationOverdue: visit.rectifiedAt === null && today > visit.rectifyBy,
  }
}
