/**
 * Which step may follow which, and who may take it (12345 guideline 国办发〔2020〕53号 closed loop;
 * 好差评 国办发〔2019〕51号 for rating and 回访). The server answers a rejection with 409 and the
 * Chinese reason; the app uses the same function to decide which buttons to show.
 *
 *   submitted ─accept→ accepted ─assign→ assigned ─start→ in-progress ─reply→ replied ─close→ closed
 *   submitted ─withdraw→ withdrawn            (submitter only, only before 受理)
 *   accepted ─reply→ replied                  (直接答复: an enquiry the hotline answers itself)
 *   accepted | assigned | in-progress ─request-info→ needs-info ─supply-info→ the state it left
 *   needs-info ─reply→ replied                (a submitter who never answers must not block 办结)
 *   replied | closed ─rate→ rated, or ─rate(差评, real-name)→ return-visit
 *   return-visit ─record-call-back, report-rectification→ return-visit ─rate→ rated (final)
 *   supervise (system, when overdue) sets the 督办 flag without changing the state
 *
 * 退回补充 returns to the state it left, not to 已受理: the case keeps its 承办单位 and its place in
 * the work, and the question usually comes from the handler who will use the answer. Sending it
 * back to 受理 would make the hotline re-assign a case nobody wants moved.
 *
 * Rating is allowed from 已答复: the submitter judges the answer, and a rating also 办结s the case,
 * so `rated` implies `closed`.
 */
import { addWorkingDays } from '../calendar/workingDays'
import { DEFAULT_COMPLAINT_RULES, type ComplaintRules } from './categories'
import {
  chinaDateOfInstant,
  COMPLAINT_STATE_LABELS,
  instantMs,
  TIMELINE_TITLES,
  type Actor,
  type ComplaintAction,
  type ComplaintActionType,
  type ComplaintCase,
  type ComplaintState,
  type Instant,
  type ResumableState,
  type ReturnVisit,
  type TimelineEntry,
} from './complaintCase'
import { isBadRating, type RatingLevel } from './ratings'
import { needsSupervision, SUPERVISABLE_STATES } from './sla'
import { actionNote, actionPayloadProblem } from './actionPayload'

export type TransitionResult = { ok: true; next: ComplaintCase; entry: TimelineEntry } | { ok: false; reason: string }

interface StepRule {
  actors: readonly Actor[]
  from: readonly ComplaintState[]
  /** why an actor outside `actors` is refused */
  wrongActor: string
  /** the verb in 当前状态为「…」，不能… */
  verb: string
}

const STAFF_ONLY = '该操作只能由工作人员办理'

const RULES: Record<ComplaintActionType, StepRule> = {
  withdraw: { actors: ['submitter'], from: ['submitted'], wrongActor: '只有诉求人本人可以撤回', verb: '撤回' },
  accept: { actors: ['staff'], from: ['submitted'], wrongActor: STAFF_ONLY, verb: '受理' },
  assign: { actors: ['staff'], from: ['accepted'], wrongActor: STAFF_ONLY, verb: '交办' },
  start: { actors: ['staff'], from: ['assigned'], wrongActor: STAFF_ONLY, verb: '开始办理' },
  'request-info': {
    actors: ['staff'],
    from: ['accepted', 'assigned', 'in-progress'],
    wrongActor: STAFF_ONLY,
    verb: '退回补充材料',
  },
  'supply-info': {
    actors: ['submitter'],
    from: ['needs-info'],
    wrongActor: '只有诉求人可以补充材料',
    verb: '补充材料',
  },
  reply: { actors: ['staff'], from: ['accepted', 'in-progress', 'needs-info'], wrongActor: STAFF_ONLY, verb: '答复' },
  supervise: {
    actors: ['system'],
    from: SUPERVISABLE_STATES,
    wrongActor: '督办由系统按超期情况自动发起',
    verb: '督办',
  },
  close: { actors: ['staff', 'system'], from: ['replied'], wrongActor: STAFF_ONLY, verb: '办结' },
  rate: {
    actors: ['submitter'],
    from: ['replied', 'closed', 'return-visit'],
    wrongActor: '只有诉求人可以评价',
    verb: '评价',
  },
  'record-call-back': { actors: ['staff'], from: ['return-visit'], wrongActor: STAFF_ONLY, verb: '记录回访' },
  'report-rectification': { actors: ['staff'], from: ['return-visit'], wrongActor: STAFF_ONLY, verb: '报告整改结果' },
}

/** Every step `actor` may ever take, in the order of the loop (what the server's action routes accept). */
export function actionTypesOf(actor: Actor): ComplaintActionType[] {
  return (Object.keys(RULES) as ComplaintActionType[]).filter((type) => RULES[type].actors.includes(actor))
}

/** Clearer refusals than the generic one for the cases users actually run into. */
function wrongStateReason(complaint: ComplaintCase, type: ComplaintActionType): string {
  const { state } = complaint
  if (type === 'withdraw' && state !== 'withdrawn') return '诉求已受理，不能撤回'
  if (type === 'rate') {
    if (state === 'rated' && complaint.returnVisit !== null) return '回访后的评价为最终评价，不能再次评价'
    if (state === 'rated') return '该诉求已评价，不能重复评价'
    if (state !== 'withdrawn') return '诉求答复后才能评价'
  }
  if (type === 'supervise' && state === 'needs-info') return '等待诉求人补充材料期间暂停计时，不督办'
  return `当前状态为「${COMPLAINT_STATE_LABELS[state]}」，不能${RULES[type].verb}`
}

function closePause(complaint: ComplaintCase, at: Instant): ComplaintCase['pauses'] {
  return complaint.pauses.map((pause) => (pause.endedAt === null ? { ...pause, endedAt: at } : pause))
}

/**
 * Conditions beyond state and actor, shared by {@link transition} and {@link availableActions} so
 * the app never shows a button the server would refuse.
 */
function preconditionProblem(
  complaint: ComplaintCase,
  type: ComplaintActionType,
  at: Instant,
  rules: ComplaintRules,
): string | null {
  const visit = complaint.returnVisit
  switch (type) {
    case 'supervise':
      if (complaint.supervisedAt !== null) return '该诉求已在督办中'
      return needsSupervision(complaint, at, rules) ? null : '诉求尚未超期，无需督办'
    case 'record-call-back':
      return visit?.calledBackAt == null ? null : '已记录回访'
    case 'report-rectification':
      if (visit?.calledBackAt == null) return '请先回访诉求人，了解不满意的原因'
      return visit.rectifiedAt === null ? null : '已报告整改结果'
    case 'rate':
      // The submitter waits for the fix, but not for ever: once the deadline has passed unmet
      // they may rate anyway, so inaction cannot keep a 差评 from being recorded.
      if (complaint.state !== 'return-visit' || visit === null || visit.rectifiedAt !== null) return null
      return chinaDateOfInstant(at) > visit.rectifyBy ? null : `整改完成后才能再次评价（整改期限 ${visit.rectifyBy}）`
    default:
      return null
  }
}

function startReturnVisit(at: Instant, rules: ComplaintRules): ReturnVisit {
  const ratedOn = chinaDateOfInstant(at)
  const callBack = addWorkingDays(ratedOn, rules.returnVisit.callBackWorkingDays)
  const rectify = addWorkingDays(ratedOn, rules.returnVisit.rectifyWorkingDays)
  return {
    startedAt: at,
    callBackBy: callBack.date,
    rectifyBy: rectify.date,
    estimate: callBack.estimate || rectify.estimate,
    calledBackAt: null,
    rectifiedAt: null,
  }
}

/** The rating step: the final re-rating after 回访, or the first rating (差评 → 回访 if real-name). */
function rated(complaint: ComplaintCase, level: RatingLevel, at: Instant, rules: ComplaintRules): ComplaintCase {
  if (complaint.state === 'return-visit') return { ...complaint, state: 'rated', reRating: level }
  // Anonymous submitters left no number to call back, so their 差评 is simply recorded.
  if (!isBadRating(level) || complaint.anonymous) return { ...complaint, state: 'rated', rating: level }
  return { ...complaint, state: 'return-visit', rating: level, returnVisit: startReturnVisit(at, rules) }
}

/** The case after a step whose state, actor, payload and preconditions have been checked. */
function applied(c: ComplaintCase, action: ComplaintAction, at: Instant, rules: ComplaintRules): ComplaintCase {
  switch (action.type) {
    case 'withdraw':
      return { ...c, state: 'withdrawn', withdrawnAt: at }
    case 'accept':
      return { ...c, state: 'accepted', category: action.category ?? c.category }
    case 'assign':
      return { ...c, state: 'assigned', department: action.department.trim() }
    case 'start':
      return { ...c, state: 'in-progress' }
    case 'request-info':
      return {
        ...c,
        state: 'needs-info',
        resumeState: c.state as ResumableState,
        pauses: [...c.pauses, { startedAt: at, endedAt: null }],
      }
    case 'supply-info':
      return { ...c, state: c.resumeState ?? 'accepted', resumeState: null, pauses: closePause(c, at) }
    case 'reply':
      return { ...c, state: 'replied', repliedAt: at, resumeState: null, pauses: closePause(c, at) }
    case 'supervise':
      return { ...c, supervisedAt: at }
    case 'close':
      return { ...c, state: 'closed' }
    case 'rate':
      return rated(c, action.level, at, rules)
    case 'record-call-back':
      return { ...c, returnVisit: c.returnVisit && { ...c.returnVisit, calledBackAt: at } }
    case 'report-rectification':
      return { ...c, returnVisit: c.returnVisit && { ...c.returnVisit, rectifiedAt: at } }
  }
}

/**
 * Takes one step, or says in Chinese why it may not be taken. `at` is when the step happens (an
 * ISO instant with offset; a malformed one throws RangeError, as it is a programming error).
 */
export function transition(
  complaint: ComplaintCase,
  action: ComplaintAction,
  actor: Actor,
  at: Instant,
  rules: ComplaintRules = DEFAULT_COMPLAINT_RULES,
): TransitionResult {
  const rule = RULES[action.type]
  if (rule === undefined) return { ok: false, reason: '不支持的操作' }
  if (instantMs(at) < instantMs(complaint.updatedAt)) return { ok: false, reason: '操作时间早于上一步，请核对时间' }
  if (!rule.actors.includes(actor)) return { ok: false, reason: rule.wrongActor }
  if (!rule.from.includes(complaint.state)) return { ok: false, reason: wrongStateReason(complaint, action.type) }
  const problem = actionPayloadProblem(action, rules) ?? preconditionProblem(complaint, action.type, at, rules)
  if (problem !== null) return { ok: false, reason: problem }

  const next: ComplaintCase = { ...applied(complaint, action, at, rules), updatedAt: at }
  const entry: TimelineEntry = {
    at,
    actor,
    step: action.type,
    from: complaint.state,
    to: next.state,
    title: TIMELINE_TITLES[action.type],
    note: actionNote(action),
    rating: action.type === 'rate' ? action.level : null,
  }
  return { ok: true, next, entry }
}

/** The steps `actor` could take at `at` (payloads aside), for showing only the buttons that work. */
export function availableActions(
  complaint: ComplaintCase,
  actor: Actor,
  at: Instant,
  rules: ComplaintRules = DEFAULT_COMPLAINT_RULES,
): ComplaintActionType[] {
  return (Object.keys(RULES) as ComplaintActionType[]).filter(
    (type) =>
      RULES[type].actors.includes(actor) &&
      RULES[type].from.includes(complaint.state) &&
      preconditionProblem(complaint, type, at, rules) === null,
  )
}
