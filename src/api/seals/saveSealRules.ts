import * as endpoints from '../../contract/esign/endpoints'
import type { SealRulesView } from '../../contract/esign/schemas'
import type { SealRules } from '../../domain/signing/sealRules'
import { call } from '../call'
import type { ApiClient } from '../client'

/** PUT /api/v1/enterprises/:id/seals/:sealId/rules — replaces the seal's 用章规则 (legal representative only). */
export function saveSealRules(
  client: ApiClient,
  enterpriseId: string,
  sealId: string,
  rules: SealRules,
): Promise<SealRulesView> {
  return call(client, endpoints.saveSealRules, { params: { enterpriseId, sealId }, body: rules })
}
