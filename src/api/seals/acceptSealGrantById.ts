import type { SealGrantView } from '../../../server/contract-seals'
import type { ApiClient } from '../client'

/** POST /api/v1/seal-grants/:grantId/accept — accept a grant made to my phone; only then am I linked as 经办人. */
export function acceptSealGrantById(client: ApiClient, grantId: string): Promise<SealGrantView> {
  return client.request<SealGrantView>('POST', `/api/v1/seal-grants/${encodeURIComponent(grantId)}/accept`)
}
