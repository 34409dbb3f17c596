import type { VerifiedIdentityResponse } from '../../../server/contract-seals'
import type { ApiClient } from '../client'

/** GET /api/v1/face/identity — the person the user last passed a face check as, masked (or null). */
export function getVerifiedIdentity(client: ApiClient): Promise<VerifiedIdentityResponse> {
  return client.request<VerifiedIdentityResponse>('GET', '/api/v1/face/identity')
}
