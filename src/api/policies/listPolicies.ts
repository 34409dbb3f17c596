import type { PolicyListQuery, PolicyPage } from '../../contract/policies/schemas'
import * as endpoints from '../../contract/policies/endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

/**
 * GET /api/v1/policies — one page of the published catalogue (no login needed), filtered on the
 * server; pass the previous page's nextCursor as `cursor` for the next.
 */
export function listPolicies(client: ApiClient, query: PolicyListQuery = {}): Promise<PolicyPage> {
  return call(client, endpoints.listPolicies, {
    query: { ...query, issuer: query.issuer || undefined, q: query.q || undefined },
  })
}
