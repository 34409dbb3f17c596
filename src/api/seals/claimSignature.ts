import * as endpoints from '../../contract/esign/endpoints'
import type { ClaimSignatureRequest, PersonalSignatureView } from '../../contract/esign/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** POST /api/v1/signatures/claim — needs a claim-signature face ticket; the PIN becomes the signing PIN. */
export function claimSignature(client: ApiClient, input: ClaimSignatureRequest): Promise<PersonalSignatureView> {
  return call(client, endpoints.claimSignature, { body: input })
}
