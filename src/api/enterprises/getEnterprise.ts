import * as endpoints from '../../contract/account/endpoints'
import type { EnterpriseProfile } from '../../contract/account/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/enterprises/:id — one enterprise's registry profile (403 ENTERPRISE_FORBIDDEN if not the user's). */
export function getEnterprise(client: ApiClient, enterpriseId: string): Promise<EnterpriseProfile> {
  return call(client, endpoints.getEnterprise, { params: { enterpriseId } })
}
