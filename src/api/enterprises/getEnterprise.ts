import type { EnterpriseProfile } from '../../../server/contract'
import type { ApiClient } from '../client'

/** GET /api/v1/enterprises/:id — one enterprise's registry profile (403 ENTERPRISE_FORBIDDEN if not the user's). */
export function getEnterprise(client: ApiClient, enterpriseId: string): Promise<EnterpriseProfile> {
  return client.request<EnterpriseProfile>('GET', `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}`)
}
