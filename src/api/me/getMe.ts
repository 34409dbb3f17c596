import type { UserProfile } from '../../../server/contract'
import type { ApiClient } from '../client'

/** GET /api/v1/me — the signed-in user's profile (PII masked by the server). */
export function getMe(client: ApiClient): Promise<UserProfile> {
  return client.request<UserProfile>('GET', '/api/v1/me')
}
