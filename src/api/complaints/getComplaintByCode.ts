import type { ComplaintView } from '../../../server/contract-complaints'
import type { ApiClient } from '../client'

/** GET /api/v1/complaints/by-code/:code — an anonymous case, found by the query code it was given. */
export function getComplaintByCode(client: ApiClient, queryCode: string): Promise<ComplaintView> {
  return client.request<ComplaintView>('GET', `/api/v1/complaints/by-code/${encodeURIComponent(queryCode)}`)
}
