import * as endpoints from '../../contract/esign/endpoints'
import type { PersonalSignatureView, RevokeSignatureRequest } from '../../contract/esign/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/**
 * POST /api/v1/signatures/mine/revoke (注销个人电子签名) — the owner only, irreversible; confirmed by
 * the signing PIN or a 'seal-revoke' face ticket of the same person. Answers the signature as it
 * now is (status 'revoked'); signatures made before stay verifiable.
 */
export function revokeMySignature(client: ApiClient, body: RevokeSignatureRequest): Promise<PersonalSignatureView> {
  return call(client, endpoints.revokeMySignature, { body })
}
