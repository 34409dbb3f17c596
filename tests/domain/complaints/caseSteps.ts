/** Builds complaint cases by running real steps through the state machine, so fixtures stay legal. */
import type { ComplaintCategoryCode, ComplaintRules } from '../../../src/domain/complaints/categories'
import {
  submitComplaint,
  type Actor,
  type ComplaintAction,
  type ComplaintCase,
  type Instant,
} from '../../../src/domain/complaints/complaintCase'
import { transition } from '../../../src/domain/complaints/stateMachine'

export type Step = [ComplaintAction, Actor, Instant]

/** China time, for readable fixtures: at('2026-09-30', '10:00') → '2026-09-30T10:00:00+08:00'. */
export function at(date: string, time = '10:00'): Instant {
  return `${date}T${time}:00+08:00`
}

export const ACCEPT: ComplaintAction = { type: 'accept' }
export const ASSIGN: ComplaintAction = { type: 'assign', department: '市市场监督管理局' }
export const START: ComplaintAction = { type: 'start' }
export const REQUEST_INFO: ComplaintAction = { type: 'request-info', question: '请补充商户的具体门牌号' }
export const SUPPLY_INFO: ComplaintAction = { type: 'supply-info', addition: '人民路 88 号一楼' }
export const REPLY: ComplaintAction = { type: 'reply', answer: '已责令商户整改，并将加强巡查。' }

export function submitted(
  submittedAt: Instant,
  category: ComplaintCategoryCode = 'complaint',
  anonymous = false,
): ComplaintCase {
  return submitComplaint({ category, anonymous, submittedAt }).complaint
}

/** Runs the steps in order; a refused step fails the test with its reason. */
export function run(complaint: ComplaintCase, steps: Step[], rules?: ComplaintRules): ComplaintCase {
  let current = complaint
  for (const [action, actor, when] of steps) {
    const result = transition(current, action, actor, when, rules)
    if (!result.ok) throw new Error(`${action.type} by ${actor} at ${when} refused: ${result.reason}`)
    current = result.next
  }
  return current
}
