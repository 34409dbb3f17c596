import type { ComplaintListResponse } from '../../../server/contract-complaints'
import type { ApiClient } from '../client'

/** GET /api/v1/complaints — the signed-in user's own cases, newest first. */
export function listComplaints(client: ApiClient): Promise<ComplaintListResponse> {
  return client.request<ComplaintListResponse>('GET', '/api/v1/complaints')
}
