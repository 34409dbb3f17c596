import type { FastifyInstance } from 'fastify'
import * as endpoints from '../../../../src/contract/esign/endpoints'
import { ops } from '../../../../src/contract/esign/schemas'
import { currentEnterprise } from '../../../kernel/auth/enterprise-access'
import { requireUser } from '../../../kernel/auth/require-user'
import { ApiError } from '../../../kernel/http/api-error'
import type { SealUsageReport } from '../../../../src/domain/seals/sealReport'
import { contractRoute } from '../../../kernel/http/contract-route'

const tags = ['seals']

/**
 * 用章报告: the monthly reports of an enterprise's seal use, for its legal representative only
 * ('audit:read', checked on every request, so a removed link or a changed role refuses at once).
 */
export async function sealReportRoutes(app: FastifyInstance): Promise<void> {
  contractRoute(
    app,
    endpoints.listSealReports,
    ops.listSealReports,
    {
      onRequest: requireUser,
      config: { enterpriseAction: 'audit:read' },
      tags,
      summary: '用章报告月份列表（仅法定代表人）',
    },
    async (request) => {
      const { rows } = await app.db.query<{ month: string; report: SealUsageReport; created_at: Date }>(
        `select to_char(month, 'YYYY-MM') as month, report, created_at from seal_reports
         where enterprise_id = $1 order by month desc limit 120`,
        [currentEnterprise(request).enterpriseId],
      )
      return {
        items: rows.map((row) => ({
          month: row.month,
          uses: row.report.uses,
          previousUses: row.report.previousUses,
          refused: row.report.refused,
          createdAt: new Date(row.created_at).toISOString(),
        })),
      }
    },
  )

  contractRoute(
    app,
    endpoints.getSealReport,
    ops.getSealReport,
    {
      onRequest: requireUser,
      config: { enterpriseAction: 'audit:read' },
      tags,
      summary: '某月用章报告：各印章、经办人、文件系统的用章次数及未通过的尝试，与上月对比（仅法定代表人）',
    },
    async (request) => {
      const { rows } = await app.db.query<{ report: SealUsageReport; created_at: Date; name: string }>(
        `select r.report, r.created_at, e.name from seal_reports r join enterprises e on e.id = r.enterprise_id
         where r.enterprise_id = $1 and r.month = $2`,
        [currentEnterprise(request).enterpriseId, `${request.params.month}-01`],
      )
      if (!rows[0]) throw new ApiError('NOT_FOUND', { message: '该月暂无用章报告' })
      return { ...rows[0].report, enterpriseName: rows[0].name, createdAt: new Date(rows[0].created_at).toISOString() }
    },
  )
}
