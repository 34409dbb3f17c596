import type { ComplaintAction } from '../../../src/domain/complaints/complaintCase'
import type { ComplaintCategoryCode, ComplaintRules } from '../../../src/domain/complaints/categories'
import { actionPayloadProblem } from '../../../src/domain/complaints/actionPayload'
import type { RatingLevel } from '../../../src/domain/complaints/ratings'
import { ApiError } from '../../kernel/http/api-error'

/** The body of POST …/actions after its JSON schema: `type` plus the fields that step carries. */
export interface ActionBody {
  type: ComplaintAction['type']
  addition?: string
  level?: string
  comment?: string
  category?: string
  department?: string
  question?: string
  answer?: string
  note?: string
}

/** The step the body asks for; a payload the step cannot use (no answer, unknown rating) is a 400. */
export function actionFromBody(body: ActionBody, rules: ComplaintRules): ComplaintAction {
  const action = {
    ...body,
    ...(body.type === 'rate' ? { level: body.level as RatingLevel } : {}),
    ...(body.category !== undefined ? { category: body.category as ComplaintCategoryCode } : {}),
  } as ComplaintAction
  const problem = actionPayloadProblem(action, rules)
  if (problem !== null) {
    throw new ApiError('VALIDATION_FAILED', {
      message: `请求参数有误：${problem}`,
      details: [{ field: 'body', message: problem }],
    })
  }
  return action
}
