import * as endpoints from '../../contract/esign/endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/enterprises/:id/members — the people linked, masked, with role and grants (legal representative only). */
export function listEnterpriseMembers(client: ApiClient, enterpriseId: string) {
  return call(client, endpoints.listEnterpriseMembers, { params: { enterpriseId } })
}
