import type { FastifyInstance } from 'fastify'
import { requireAdmin } from '../../../kernel/auth/require-admin'
import { annualReportFollowUp, annualReportFollowUpCsv } from '../annual-report-follow-up'
import { todayInChina } from '../../../kernel/http/today'
import { requireIsoDate } from '../../../kernel/http/input-errors'
import { contractRoute } from '../../../kernel/http/contract-route'
import * as endpoints from '../../../../src/contract/compliance/endpoints'
import { ops } from '../../../../src/contract/compliance/schemas'

/** Staff's 年报 call list, beside the licence one (/admin/licences/follow-up) and in its format. */
export async function adminComplianceRoutes(app: FastifyInstance): Promise<void> {
  contractRoute(
    app,
    endpoints.annualReportFollowUp,
    ops.annualReportFollowUp,
    {
      onRequest: requireAdmin,
      tags: ['admin'],
      summary: '年报回访清单：6月20日起仍未标记「已报送」上一年度年报的企业（format=csv 可用 Excel 打开）',
    },
    async (request, reply) => {
      const date = request.query.date === undefined ? todayInChina(app) : requireIsoDate(request.query.date, 'date')
      const entries = await annualReportFollowUp(app.db, date)
      if (request.query.format !== 'csv') return entries
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="annual-report-follow-up-${date}.csv"`)
        .send(annualReportFollowUpCsv(entries) as never) // text/csv: not the JSON the schema describes
    },
  )
}
