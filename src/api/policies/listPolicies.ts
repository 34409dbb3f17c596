import type { PolicyListQuery, PolicyPage } from '../../../server/contract-policies'
import type { ApiClient } from '../client'

/**
 * GET /api/v1/policies — one page of the published catalogue (no login needed), filtered on the
 * server; pass the previous page's nextCursor as `cursor` for the next.
 */
export function listPolicies(client: ApiClient, query: PolicyListQuery = {}): Promise<PolicyPage> {
  return client.request<PolicyPage>('GET', '/api/v1/policies', {
    query: { ...query, issuer: query.issuer || undefined, q: query.q || undefined },
  })
}
