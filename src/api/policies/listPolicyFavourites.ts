import type { PolicyView } from '../../contract/policies/schemas'
import * as endpoints from '../../contract/policies/endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/me/policy-favourites — the user's saved policies that are still published. */
export function listPolicyFavourites(client: ApiClient): Promise<PolicyView[]> {
  return call(client, endpoints.listPolicyFavourites)
}
