import * as endpoints from '../../contract/complaints/endpoints'
import type { ComplaintRulesView } from '../../contract/complaints/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/complaint-rules — the city's categories with their time limits (no login needed). */
export function getComplaintRules(client: ApiClient): Promise<ComplaintRulesView> {
  return call(client, endpoints.getComplaintRules)
}
