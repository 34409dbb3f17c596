import type { PolicyPushPreference } from '../../contract/policies/schemas'
import * as endpoints from '../../contract/policies/endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/me/policy-push — instant (the default) or weekly digest. */
export function getPolicyPush(client: ApiClient): Promise<PolicyPushPreference> {
  return call(client, endpoints.getPolicyPush)
}
