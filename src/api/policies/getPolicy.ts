import type { PolicyView } from '../../contract/policies/schemas'
import * as endpoints from '../../contract/policies/endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/policies/:id — one published policy (404 POLICY_NOT_FOUND once withdrawn). */
export function getPolicy(client: ApiClient, policyId: string): Promise<PolicyView> {
  return call(client, endpoints.getPolicy, { params: { id: policyId } })
}
