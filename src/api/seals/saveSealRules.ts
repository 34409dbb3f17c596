import type { SealRulesView } from '../../../server/contract-seals'
import type { SealRules } from '../../domain/signing/sealRules'
import type { ApiClient } from '../client'

/** PUT /api/v1/enterprises/:id/seals/:sealId/rules — replaces the seal's 用章规则 (legal representative only). */
export function saveSealRules(
  client: ApiClient,
  enterpriseId: string,
  sealId: string,
  rules: SealRules,
): Promise<SealRulesView> {
  return client.request<SealRulesView>(
    'PUT',
    `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/seals/${encodeURIComponent(sealId)}/rules`,
    { body: rules },
  )
}
