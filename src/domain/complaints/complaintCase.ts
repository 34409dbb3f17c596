/**
 * A complaint case as the state machine (./stateMachine) and the SLA clock (./sla) see it, and the
 * timeline entry each step leaves. The closed loop follows the 12345 guideline (国办发〔2020〕53号):
 * 受理 → 交办 → 办理 → 答复 → 督办 → 办结 → 回访 → 评价.
 *
 * 督办 is a flag (`supervisedAt`), not a state: a supervised case is still being accepted, assigned
 * or handled, and a 督办 state would have to remember which, doubling every transition out of it.
 */
import { chinaDateOf, type IsoDate } from '../calendar/dates'
import type { ComplaintCategoryCode } from './categories'
import type { RatingLevel } from './ratings'

export type ComplaintState =
  | 'submitted'
  | 'accepted'
  | 'assigned'
  | 'in-progress'
  | 'needs-info'
  | 'replied'
  | 'closed'
  | 'rated'
  | 'return-visit'
  | 'withdrawn'

export const COMPLAINT_STATE_LABELS: Record<ComplaintState, string> = {
  submitted: '已提交',
  accepted: '已受理',
  assigned: '已交办',
  'in-progress': '办理中',
  'needs-info': '退回补充',
  replied: '已答复',
  closed: '已办结',
  rated: '已评价',
  'return-visit': '回访整改中',
  withdrawn: '已撤回',
}

/** The states 退回补充 can be entered from, and so the ones it returns to. */
export type ResumableState = 'accepted' | 'assigned' | 'in-progress'

export type Actor = 'submitter' | 'staff' | 'system'

/** An instant as ISO 8601 with an offset, e.g. '2026-09-30T10:00:00+08:00'. */
export type Instant = string

/** A stretch of 退回补充 during which the SLA clock stands still; `endedAt` null while waiting. */
export interface ClockPause {
  startedAt: Instant
  endedAt: Instant | null
}

/** 回访 after a 差评 on a real-name case (国办发〔2019〕51号), with its two local deadlines. */
export interface ReturnVisit {
  startedAt: Instant
  callBackBy: IsoDate
  rectifyBy: IsoDate
  /** a deadline lies beyond the published holiday calendar */
  estimate: boolean
  calledBackAt: Instant | null
  rectifiedAt: Instant | null
}

export interface ComplaintCase {
  state: ComplaintState
  category: ComplaintCategoryCode
  /** anonymous submitters follow up with a query code and get no return call */
  anonymous: boolean
  submittedAt: Instant
  /** the latest step; a new step may not be dated earlier */
  updatedAt: Instant
  /** the 承办单位 the case was 交办 to */
  department: string | null
  repliedAt: Instant | null
  withdrawnAt: Instant | null
  /** 督办: set once by the overdue check; work carries on */
  supervisedAt: Instant | null
  /** set while 退回补充: where the submitter's addition sends the case back */
  resumeState: ResumableState | null
  pauses: readonly ClockPause[]
  /** the one rating 好差评 allows */
  rating: RatingLevel | null
  /** the single rating after 回访; final */
  reRating: RatingLevel | null
  returnVisit: ReturnVisit | null
}

export type ComplaintAction =
  | { type: 'withdraw' }
  /** staff may correct the category on 受理 (a 咨询 that is really a 投诉) */
  | { type: 'accept'; category?: ComplaintCategoryCode }
  | { type: 'assign'; department: string }
  | { type: 'start' }
  | { type: 'request-info'; question: string }
  | { type: 'supply-info'; addition: string }
  | { type: 'reply'; answer: string }
  | { type: 'supervise' }
  | { type: 'close' }
  | { type: 'rate'; level: RatingLevel; comment?: string }
  | { type: 'record-call-back'; note: string }
  | { type: 'report-rectification'; note: string }

export type ComplaintActionType = ComplaintAction['type']

export type TimelineStep = 'submit' | ComplaintActionType

export const TIMELINE_TITLES: Record<TimelineStep, string> = {
  submit: '提交诉求',
  withdraw: '撤回诉求',
  accept: '受理',
  assign: '交办',
  start: '开始办理',
  'request-info': '退回补充材料',
  'supply-info': '补充材料',
  reply: '答复',
  supervise: '超期督办',
  close: '办结',
  rate: '评价',
  'record-call-back': '回访',
  'report-rectification': '整改完成',
}

/** One step of a case, as the progress screen lists it and the server stores it. */
export interface TimelineEntry {
  at: Instant
  actor: Actor
  step: TimelineStep
  /** null for the submission itself */
  from: ComplaintState | null
  to: ComplaintState
  /** Chinese, from {@link TIMELINE_TITLES} */
  title: string
  /** the department, question, addition, answer, rating comment or visit note */
  note: string | null
  rating: RatingLevel | null
}

// An offset is required: without one Date.parse reads local time, which differs between the
// phone, the server and a test machine.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

/** Milliseconds of an instant; a malformed one is a programming error, not a user's. */
export function instantMs(at: Instant): number {
  const ms = typeof at === 'string' && INSTANT.test(at) ? Date.parse(at) : NaN
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO 8601 instant: ${String(at)}`)
  return ms
}

/** The calendar day in China on which an instant falls: the day the working-day clock counts. */
export function chinaDateOfInstant(at: Instant): IsoDate {
  return chinaDateOf(instantMs(at))
}

export interface NewComplaint {
  category: ComplaintCategoryCode
  anonymous: boolean
  submittedAt: Instant
}

/** A freshly submitted case and its first timeline entry. */
export function submitComplaint({ category, anonymous, submittedAt }: NewComplaint): {
  complaint: ComplaintCase
  entry: TimelineEntry
} {
  instantMs(submittedAt)
  const complaint: ComplaintCase = {
    state: 'submitted',
    category,
    anonymous,
    submittedAt,
    updatedAt: submittedAt,
    department: null,
    repliedAt: null,
    withdrawnAt: null,
    supervisedAt: null,
    resumeState: null,
    pauses: [],
    rating: null,
    reRating: null,
    returnVisit: null,
  }
  const entry: TimelineEntry = {
    at: submittedAt,
    actor: 'submitter',
    step: 'submit',
    from: null,
    to: 'submitted',
    title: TIMELINE_TITLES.submit,
    note: null,
    rating: null,
  }
  return { complaint, entry }
}

/** The state label with the 督办 flag, e.g. 办理中（已督办）, while the case is still open. */
export function complaintStatusLabel(complaint: ComplaintCase): string {
  const label = COMPLAINT_STATE_LABELS[complaint.state]
  const open = complaint.repliedAt === null && complaint.withdrawnAt === null
  return complaint.supervisedAt !== null && open ? `${label}（已督办）` : label
}
