import type { ComplaintView } from '../../contract/complaints/schemas'
import * as endpoints from '../../contract/complaints/endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/complaints/by-code/:code — an anonymous case, found by the query code it was given. */
export function getComplaintByCode(client: ApiClient, queryCode: string): Promise<ComplaintView> {
  return call(client, endpoints.getComplaintByCode, { params: { code: queryCode } })
}
