import * as endpoints from '../../contract/policies/endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

/** PUT /api/v1/me/policy-favourites/:id — saving twice changes nothing. */
export function addPolicyFavourite(client: ApiClient, policyId: string): Promise<void> {
  return call(client, endpoints.addPolicyFavourite, { params: { id: policyId } }).then(() => undefined)
}
