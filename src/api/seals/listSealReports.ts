import type { SealReportList } from '../../../server/contract-seals'
import type { ApiClient } from '../client'

/** GET /api/v1/enterprises/:id/seal-reports — the months with a 用章报告, newest first (legal representative only). */
export function listSealReports(client: ApiClient, enterpriseId: string): Promise<SealReportList> {
  return client.request<SealReportList>('GET', `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/seal-reports`)
}
