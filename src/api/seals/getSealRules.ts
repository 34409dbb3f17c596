import * as endpoints from '../../contract/esign/endpoints'
import type { SealRulesView } from '../../contract/esign/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/enterprises/:id/seals/:sealId/rules — 用章规则 (legal representative only). */
export function getSealRules(client: ApiClient, enterpriseId: string, sealId: string): Promise<SealRulesView> {
  return call(client, endpoints.getSealRules, { params: { enterpriseId, sealId } })
}
