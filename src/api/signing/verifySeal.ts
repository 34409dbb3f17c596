import * as endpoints from '../../contract/esign/endpoints'
import type { SealVerificationRequest } from '../../contract/esign/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** POST /api/v1/seal-verifications — 验章; public: no token and no silent re-login. */
export function verifySeal(client: ApiClient, input: SealVerificationRequest) {
  return call(client, endpoints.verifySeal, { body: input })
}
