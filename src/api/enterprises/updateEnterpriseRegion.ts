import type { EnterpriseProfile, EnterpriseRegionRequest } from '../../../server/contract'
import type { ApiClient } from '../client'

/** PUT /api/v1/enterprises/:id/region — the legal representative corrects 所在地区 (a district's code). */
export function updateEnterpriseRegion(
  client: ApiClient,
  enterpriseId: string,
  regionCode: string,
): Promise<EnterpriseProfile> {
  const body: EnterpriseRegionRequest = { regionCode }
  return client.request<EnterpriseProfile>('PUT', `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/region`, {
    body,
  })
}
