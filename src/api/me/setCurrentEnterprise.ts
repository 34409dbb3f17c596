import * as endpoints from '../../contract/account/endpoints'
import type { SetCurrentEnterpriseRequest, UserProfile } from '../../contract/account/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** PUT /api/v1/me/current-enterprise — the enterprise the user acts for; returns the updated profile. */
export function setCurrentEnterprise(client: ApiClient, request: SetCurrentEnterpriseRequest): Promise<UserProfile> {
  return call(client, endpoints.setCurrentEnterprise, { body: request })
}
