import type { SealAuditPage } from '../../../server/contract-seals'
import type { ApiClient } from '../client'

/** GET /api/v1/enterprises/:id/seal-audit — newest first; pass the previous page's nextCursor as `before`. */
export function listSealAudit(
  client: ApiClient,
  enterpriseId: string,
  page: { before?: string; limit?: number } = {},
): Promise<SealAuditPage> {
  return client.request<SealAuditPage>('GET', `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/seal-audit`, {
    query: { before: page.before, limit: page.limit },
  })
}
