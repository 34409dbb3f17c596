import type { ApiClient } from '../client'

/** DELETE /api/v1/me/policy-favourites/:id */
export function removePolicyFavourite(client: ApiClient, policyId: string): Promise<void> {
  return client.request<void>('DELETE', `/api/v1/me/policy-favourites/${encodeURIComponent(policyId)}`)
}
