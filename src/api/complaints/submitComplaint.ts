import type { ComplaintSubmitRequest, ComplaintView } from '../../contract/complaints/schemas'
import * as endpoints from '../../contract/complaints/endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

/**
 * POST /api/v1/complaints — the key is required and must be the draft's own, reused on every retry:
 * a retry after a lost response then gets the complaint it already made (200), never a second one.
 * An anonymous case's query code comes in this response only.
 */
export function submitComplaint(
  client: ApiClient,
  input: ComplaintSubmitRequest,
  idempotencyKey: string,
): Promise<ComplaintView> {
  return call(client, endpoints.submitComplaint, { body: input, idempotencyKey })
}
