import * as endpoints from '../../contract/account/endpoints'
import type { UpdateConsentRequest, UserProfile } from '../../contract/account/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** PUT /api/v1/me/consent — records agreeing to (or withdrawing from) a privacy-policy version. */
export function updateConsent(client: ApiClient, request: UpdateConsentRequest): Promise<UserProfile> {
  return call(client, endpoints.updateConsent, { body: request })
}
