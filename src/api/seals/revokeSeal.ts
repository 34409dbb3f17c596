import type { RevokeSealRequest, SealRevokeResult } from '../../../server/contract-seals'
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
  return client.request<SealRevokeResult>(
    'POST',
    `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/seals/${encodeURIComponent(sealId)}/${action}`,
    { body },
  )
}
