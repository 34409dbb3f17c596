import type { SealRulesView } from '../../../server/contract-seals'
import type { ApiClient } from '../client'

/** GET /api/v1/enterprises/:id/seals/:sealId/rules — 用章规则 (legal representative only). */
export function getSealRules(client: ApiClient, enterpriseId: string, sealId: string): Promise<SealRulesView> {
  return client.request<SealRulesView>(
    'GET',
    `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/seals/${encodeURIComponent(sealId)}/rules`,
  )
}
