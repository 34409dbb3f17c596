import type { PolicyView } from '../../../server/contract-policies'
import type { ApiClient } from '../client'

/** GET /api/v1/policies/:id — one published policy (404 POLICY_NOT_FOUND once withdrawn). */
export function getPolicy(client: ApiClient, policyId: string): Promise<PolicyView> {
  return client.request<PolicyView>('GET', `/api/v1/policies/${encodeURIComponent(policyId)}`)
}
