/**
 * What a step carries — the department, question, answer, rating — checked before the state machine
 * applies it, and the note it leaves on the timeline.
 */
import { complaintCategory, type ComplaintRules } from './categories'
import type { ComplaintAction, ComplaintActionType } from './complaintCase'
import { isRatingLevel } from './ratings'
import { characterCount, MAX_NOTE_CHARS } from './validation'

/** The free-text field each step must carry, and what to say when it is missing. */
const REQUIRED_TEXT: Partial<Record<ComplaintActionType, [field: string, missing: string]>> = {
  assign: ['department', '请填写承办单位'],
  'request-info': ['question', '请说明需要补充的材料'],
  'supply-info': ['addition', '请填写补充内容'],
  reply: ['answer', '请填写答复内容'],
  'record-call-back': ['note', '请填写回访情况'],
  'report-rectification': ['note', '请填写整改情况'],
}

/** The step's free text: the required field, or a rating's optional comment. */
function textOf(action: ComplaintAction): unknown {
  const required = REQUIRED_TEXT[action.type]
  if (required !== undefined) return (action as unknown as Record<string, unknown>)[required[0]]
  return action.type === 'rate' ? action.comment : undefined
}

/** The text a step leaves on the timeline, trimmed; null when there is none. */
export function actionNote(action: ComplaintAction): string | null {
  const text = textOf(action)
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : null
}

/** Why a step's payload is unusable (Chinese), or null. */
export function actionPayloadProblem(action: ComplaintAction, rules: ComplaintRules): string | null {
  if (action.type === 'accept' && action.category !== undefined && !complaintCategory(action.category, rules))
    return '该诉求类别未开通'
  if (action.type === 'rate' && !isRatingLevel(action.level)) return '请选择评价等级'
  const note = actionNote(action)
  const required = REQUIRED_TEXT[action.type]
  if (note === null) return required === undefined ? null : required[1]
  return characterCount(note) > MAX_NOTE_CHARS ? `内容不能超过 ${MAX_NOTE_CHARS} 个字` : null
}
