import type { SealGrantView } from '../../../server/contract-seals'
import type { ApiClient } from '../client'

/** GET /api/v1/enterprises/:id/seal-grants — legal representative only. */
export function listSealGrants(client: ApiClient, enterpriseId: string): Promise<SealGrantView[]> {
  return client.request<SealGrantView[]>('GET', `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/seal-grants`)
}
