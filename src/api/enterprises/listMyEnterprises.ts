import * as endpoints from '../../contract/account/endpoints'
import type { EnterpriseSummary } from '../../contract/account/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/enterprises — the enterprises the signed-in user may act for, with their role. */
export function listMyEnterprises(client: ApiClient): Promise<EnterpriseSummary[]> {
  return call(client, endpoints.listMyEnterprises)
}
