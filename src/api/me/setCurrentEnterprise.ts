import type { SetCurrentEnterpriseRequest, UserProfile } from '../../../server/contract'
import type { ApiClient } from '../client'

/** PUT /api/v1/me/current-enterprise — the enterprise the user acts for; returns the updated profile. */
export function setCurrentEnterprise(client: ApiClient, request: SetCurrentEnterpriseRequest): Promise<UserProfile> {
  return client.request<UserProfile>('PUT', '/api/v1/me/current-enterprise', { body: request })
}
