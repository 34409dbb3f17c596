import type { ComplaintView } from '../../contract/complaints/schemas'
import * as endpoints from '../../contract/complaints/endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/complaints/:id — one of the user's cases with its timeline; another user's is a 404. */
export function getComplaint(client: ApiClient, complaintId: string): Promise<ComplaintView> {
  return call(client, endpoints.getComplaint, { params: { complaintId } })
}
