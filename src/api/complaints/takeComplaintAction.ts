import type { ComplaintView } from '../../contract/complaints/schemas'
import type { RatingLevel } from '../../domain/complaints/ratings'
import * as endpoints from '../../contract/complaints/endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

/** The steps a submitter may take; staff steps go through the 12345 工作台, not the app. */
export type SubmitterAction =
  | { type: 'withdraw' }
  | { type: 'supply-info'; addition: string }
  | { type: 'rate'; level: RatingLevel; comment?: string }

/**
 * POST /api/v1/complaints/:id/actions — the case after the step. A step the state no longer allows
 * (already 受理, already rated) is a 409 whose message says why.
 */
export function takeComplaintAction(
  client: ApiClient,
  complaintId: string,
  action: SubmitterAction,
): Promise<ComplaintView> {
  return call(client, endpoints.takeComplaintAction, { params: { complaintId }, body: action })
}
