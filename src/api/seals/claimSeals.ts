import * as endpoints from '../../contract/esign/endpoints'
import type { ClaimSealsRequest, SealView } from '../../contract/esign/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** POST /api/v1/enterprises/:id/seals/claim — needs a claim-seal face ticket; the PIN becomes the signing PIN. */
export function claimSeals(
  client: ApiClient,
  enterpriseId: string,
  input: ClaimSealsRequest,
): Promise<{ seals: SealView[] }> {
  return call(client, endpoints.claimSeals, { params: { enterpriseId }, body: input })
}
