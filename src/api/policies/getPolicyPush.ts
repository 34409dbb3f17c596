import type { PolicyPushPreference } from '../../../server/contract-policies'
import type { ApiClient } from '../client'

/** GET /api/v1/me/policy-push — instant (the default) or weekly digest. */
export function getPolicyPush(client: ApiClient): Promise<PolicyPushPreference> {
  return client.request<PolicyPushPreference>('GET', '/api/v1/me/policy-push')
}
