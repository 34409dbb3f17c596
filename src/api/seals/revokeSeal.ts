import * as endpoints from '../../contract/esign/endpoints'
import type { RevokeSealRequest, SealRevokeResult } from '../../contract/esign/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/**
 * POST /api/v1/enterprises/:id/seals/:sealId/revoke (注销印章) or …/replace (重新制章) — legal
 * representative only, irreversible; confirmed by the signing PIN or a 'seal-revoke' face ticket.
 */
export function revokeSeal(
  client: ApiClient,
  enterpriseId: string,
  sealId: string,
  action: 'revoke' | 'replace',
  body: RevokeSealRequest,
): Promise<SealRevokeResult> {
  const endpoint = action === 'replace' ? endpoints.replaceSeal : endpoints.revokeSeal
  return call(client, endpoint, { params: { enterpriseId, sealId }, body })
}
