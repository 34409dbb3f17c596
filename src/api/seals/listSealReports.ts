import * as endpoints from '../../contract/esign/endpoints'
import type { SealReportList } from '../../contract/esign/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/enterprises/:id/seal-reports — the months with a 用章报告, newest first (legal representative only). */
export function listSealReports(client: ApiClient, enterpriseId: string): Promise<SealReportList> {
  return call(client, endpoints.listSealReports, { params: { enterpriseId } })
}
