import * as endpoints from '../../contract/esign/endpoints'
import type { SealAuditPage } from '../../contract/esign/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/enterprises/:id/seal-audit — newest first; pass the previous page's nextCursor as `before`. */
export function listSealAudit(
  client: ApiClient,
  enterpriseId: string,
  page: { before?: string; limit?: number } = {},
): Promise<SealAuditPage> {
  return call(client, endpoints.listSealAudit, {
    params: { enterpriseId },
    query: { before: page.before, limit: page.limit === undefined ? undefined : String(page.limit) },
  })
}
