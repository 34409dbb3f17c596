import type { ApiClient } from '../client'

/** PUT /api/v1/me/policy-favourites/:id — saving twice changes nothing. */
export function addPolicyFavourite(client: ApiClient, policyId: string): Promise<void> {
  return client.request<void>('PUT', `/api/v1/me/policy-favourites/${encodeURIComponent(policyId)}`)
}
