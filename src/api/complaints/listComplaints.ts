import type { ComplaintListResponse } from '../../contract/complaints/schemas'
import * as endpoints from '../../contract/complaints/endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/complaints — the signed-in user's own cases, newest first. */
export function listComplaints(client: ApiClient): Promise<ComplaintListResponse> {
  return call(client, endpoints.listComplaints)
}
