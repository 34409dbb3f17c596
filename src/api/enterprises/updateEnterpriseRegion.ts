import * as endpoints from '../../contract/account/endpoints'
import type { EnterpriseProfile } from '../../contract/account/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** PUT /api/v1/enterprises/:id/region — the legal representative corrects 所在地区 (a district's code). */
export function updateEnterpriseRegion(
  client: ApiClient,
  enterpriseId: string,
  regionCode: string,
): Promise<EnterpriseProfile> {
  return call(client, endpoints.updateEnterpriseRegion, { params: { enterpriseId }, body: { regionCode } })
}
