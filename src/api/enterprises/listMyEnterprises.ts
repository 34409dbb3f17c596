import type { EnterpriseSummary } from '../../../server/contract'
import type { ApiClient } from '../client'

/** GET /api/v1/enterprises — the enterprises the signed-in user may act for, with their role. */
export function listMyEnterprises(client: ApiClient): Promise<EnterpriseSummary[]> {
  return client.request<EnterpriseSummary[]>('GET', '/api/v1/enterprises')
}
