import * as endpoints from '../../contract/esign/endpoints'
import type { VerifiedIdentityResponse } from '../../contract/esign/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/face/identity — the person the user last passed a face check as, masked (or null). */
export function getVerifiedIdentity(client: ApiClient): Promise<VerifiedIdentityResponse> {
  return call(client, endpoints.getVerifiedIdentity)
}
