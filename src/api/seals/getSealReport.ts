import * as endpoints from '../../contract/esign/endpoints'
import type { SealReportView } from '../../contract/esign/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/enterprises/:id/seal-reports/:month ('YYYY-MM') — one month's 用章报告. */
export function getSealReport(client: ApiClient, enterpriseId: string, month: string): Promise<SealReportView> {
  return call(client, endpoints.getSealReport, { params: { enterpriseId, month } })
}
