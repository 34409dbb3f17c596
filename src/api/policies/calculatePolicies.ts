import type { PolicyCalculatorRequest, PolicyCalculatorResponse } from '../../contract/policies/schemas'
import * as endpoints from '../../contract/policies/endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

/**
 * POST /api/v1/policy-calculator — no login needed; 可申报 first, then 差一点, then 不符合, each
 * explained condition by condition. It changes nothing on the server, so a retry is harmless.
 */
export function calculatePolicies(
  client: ApiClient,
  request: PolicyCalculatorRequest,
): Promise<PolicyCalculatorResponse> {
  return call(client, endpoints.calculatePolicies, { body: request })
}
