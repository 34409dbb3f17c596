import type { SealListResponse } from '../../../server/contract-seals'
import type { ApiClient } from '../client'

/** GET /api/v1/enterprises/:id/seals — all seals for the legal representative, granted ones for a handler. */
export function listSeals(client: ApiClient, enterpriseId: string): Promise<SealListResponse> {
  return client.request<SealListResponse>('GET', `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/seals`)
}
