import type { EnterprisePolicyMatches } from '../../contract/policies/schemas'
import * as endpoints from '../../contract/policies/endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/enterprises/:id/policy-matches — the enterprise's 可申报 and 差一点 policies by its saved facts. */
export function getPolicyMatches(client: ApiClient, enterpriseId: string): Promise<EnterprisePolicyMatches> {
  return call(client, endpoints.getPolicyMatches, { params: { enterpriseId } })
}
