import type { ComplaintView } from '../../../server/contract-complaints'
import type { ApiClient } from '../client'

/** GET /api/v1/complaints/:id — one of the user's cases with its timeline; another user's is a 404. */
export function getComplaint(client: ApiClient, complaintId: string): Promise<ComplaintView> {
  return client.request<ComplaintView>('GET', `/api/v1/complaints/${encodeURIComponent(complaintId)}`)
}
