import type { SealVerificationRequest, SealVerificationResult } from '../../contract/esign/schemas'
import type { ApiClient } from '../client'

/** POST /api/v1/seal-verifications — 验章; no login, so no token and no silent re-login. */
export function verifySeal(client: ApiClient, input: SealVerificationRequest): Promise<SealVerificationResult> {
  return client.request<SealVerificationResult>('POST', '/api/v1/seal-verifications', { body: input, auth: false })
}
