import type { PolicyPushPreference } from '../../../server/contract-policies'
import type { ApiClient } from '../client'

/** PUT /api/v1/me/policy-push */
export function setPolicyPush(client: ApiClient, preference: PolicyPushPreference): Promise<PolicyPushPreference> {
  return client.request<PolicyPushPreference>('PUT', '/api/v1/me/policy-push', { body: preference })
}
