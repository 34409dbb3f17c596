import type { ClaimSignatureRequest, PersonalSignatureView } from '../../../server/contract-seals'
import type { ApiClient } from '../client'

/** POST /api/v1/signatures/claim — needs a claim-signature face ticket; the PIN becomes the signing PIN. */
export function claimSignature(client: ApiClient, input: ClaimSignatureRequest): Promise<PersonalSignatureView> {
  return client.request<PersonalSignatureView>('POST', '/api/v1/signatures/claim', { body: input })
}
