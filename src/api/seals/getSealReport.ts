import type { SealReportView } from '../../../server/contract-seals'
import type { ApiClient } from '../client'

/** GET /api/v1/enterprises/:id/seal-reports/:month ('YYYY-MM') — one month's 用章报告. */
export function getSealReport(client: ApiClient, enterpriseId: string, month: string): Promise<SealReportView> {
  return client.request<SealReportView>(
    'GET',
    `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/seal-reports/${encodeURIComponent(month)}`,
  )
}
