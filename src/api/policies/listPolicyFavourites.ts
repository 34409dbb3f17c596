import type { PolicyView } from '../../../server/contract-policies'
import type { ApiClient } from '../client'

/** GET /api/v1/me/policy-favourites — the user's saved policies that are still published. */
export function listPolicyFavourites(client: ApiClient): Promise<PolicyView[]> {
  return client.request<PolicyView[]>('GET', '/api/v1/me/policy-favourites')
}
