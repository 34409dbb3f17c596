import type { EnterprisePolicyMatches } from '../../../server/contract-policies'
import type { ApiClient } from '../client'

/** GET /api/v1/enterprises/:id/policy-matches — the enterprise's 可申报 and 差一点 policies by its saved facts. */
export function getPolicyMatches(client: ApiClient, enterpriseId: string): Promise<EnterprisePolicyMatches> {
  return client.request<EnterprisePolicyMatches>(
    'GET',
    `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/policy-matches`,
  )
}
