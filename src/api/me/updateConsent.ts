import type { UpdateConsentRequest, UserProfile } from '../../../server/contract'
import type { ApiClient } from '../client'

/** PUT /api/v1/me/consent — records agreeing to (or withdrawing from) a privacy-policy version. */
export function updateConsent(client: ApiClient, request: UpdateConsentRequest): Promise<UserProfile> {
  return client.request<UserProfile>('PUT', '/api/v1/me/consent', { body: request })
}
