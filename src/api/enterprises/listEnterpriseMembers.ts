import type { EnterpriseMember } from '../../contract/esign/schemas'
import type { ApiClient } from '../client'

/** GET /api/v1/enterprises/:id/members — the people linked, masked, with role and grants (legal representative only). */
export function listEnterpriseMembers(client: ApiClient, enterpriseId: string): Promise<EnterpriseMember[]> {
  return client.request<EnterpriseMember[]>('GET', `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/members`)
}
