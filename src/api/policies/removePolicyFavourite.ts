import * as endpoints from '../../contract/policies/endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

/** DELETE /api/v1/me/policy-favourites/:id */
export function removePolicyFavourite(client: ApiClient, policyId: string): Promise<void> {
  return call(client, endpoints.removePolicyFavourite, { params: { id: policyId } }).then(() => undefined)
}
