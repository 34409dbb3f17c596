import type { PolicyListQuery, PolicyView } from '../../../server/contract-policies'
import type { ApiClient } from '../client'

/** GET /api/v1/policies — the published catalogue (no login needed), filtered on the server. */
export function listPolicies(client: ApiClient, query: PolicyListQuery = {}): Promise<PolicyView[]> {
  return client.request<PolicyView[]>('GET', '/api/v1/policies', {
    query: { ...query, issuer: query.issuer || undefined, q: query.q || undefined },
  })
}
