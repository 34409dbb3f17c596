import type { PolicyPushPreference } from '../../contract/policies/schemas'
import * as endpoints from '../../contract/policies/endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

/** PUT /api/v1/me/policy-push */
export function setPolicyPush(client: ApiClient, preference: PolicyPushPreference): Promise<PolicyPushPreference> {
  return call(client, endpoints.setPolicyPush, { body: preference })
}
