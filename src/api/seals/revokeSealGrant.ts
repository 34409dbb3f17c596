import type { SealGrantView } from '../../../server/contract-seals'
import type { ApiClient } from '../client'

/** DELETE /api/v1/enterprises/:id/seal-grants/:grantId — takes effect at once. */
export function revokeSealGrant(client: ApiClient, enterpriseId: string, grantId: string): Promise<SealGrantView> {
  return client.request<SealGrantView>(
    'DELETE',
    `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/seal-grants/${encodeURIComponent(grantId)}`,
  )
}
