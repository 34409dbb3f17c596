import type { ClaimSealsRequest, SealView } from '../../../server/contract-seals'
import type { ApiClient } from '../client'

/** POST /api/v1/enterprises/:id/seals/claim — needs a claim-seal face ticket; the PIN becomes the signing PIN. */
export function claimSeals(
  client: ApiClient,
  enterpriseId: string,
  input: ClaimSealsRequest,
): Promise<{ seals: SealView[] }> {
  return client.request<{ seals: SealView[] }>(
    'POST',
    `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/seals/claim`,
    { body: input },
  )
}
