import type { FastifyInstance } from 'fastify'
import { requireAdmin } from '../auth/require-admin'
import { annualReportFollowUp, annualReportFollowUpCsv } from '../compliance/annual-report-follow-up'
import { followUpEntrySchema } from '../compliance/compliance-schemas'
import { todayInChina } from '../http/today'
import { requireIsoDate } from '../licences/licence-input'
import { errorResponses } from './schemas'

/** Staff's 年报 call list, beside the licence one (/admin/licences/follow-up) and in its format. */
export async function adminComplianceRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: { date?: string; format?: 'json' | 'csv' } }>(
    '/admin/compliance/annual-report-follow-up',
    {
      onRequest: requireAdmin,
      schema: {
        tags: ['admin'],
        summary: '年报回访清单：6月20日起仍未标记「已报送」上一年度年报的企业（format=csv 可用 Excel 打开）',
        security: [{ adminKey: [] }],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            date: { type: 'string', format: 'date', description: '默认今天（中国时间）' },
            format: { type: 'string', enum: ['json', 'csv'] },
          },
        },
        response: { 200: { type: 'array', items: followUpEntrySchema }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const date = request.query.date === undefined ? todayInChina(app) : requireIsoDate(request.query.date, 'date')
      const entries = await annualReportFollowUp(app.db, date)
      if (request.query.format !== 'csv') return entries
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="annual-report-follow-up-${date}.csv"`)
        .send(annualReportFollowUpCsv(entries))
    },
  )
}
