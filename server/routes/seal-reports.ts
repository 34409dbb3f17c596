import type { FastifyInstance } from 'fastify'
import type { SealReportList, SealReportView } from '../contract-seals'
import { currentEnterprise, enterpriseIdSchema } from '../auth/enterprise-access'
import { requireUser } from '../auth/require-user'
import { ApiError } from '../http/api-error'
import type { SealUsageReport } from '../../src/domain/seals/sealReport'
import { errorResponses, noQuerystring } from './schemas'

const common = { tags: ['seals'], security: [{ session: [] }], querystring: noQuerystring }

const lineSchema = {
  type: 'object',
  required: ['key', 'label', 'count', 'previous'],
  additionalProperties: false,
  properties: {
    key: { type: 'string' },
    label: { type: 'string' },
    count: { type: 'integer' },
    previous: { type: 'integer' },
  },
} as const
const lines = { type: 'array', items: lineSchema } as const

const reportSchema = {
  type: 'object',
  required: [
    'month',
    'previousMonth',
    'enterpriseName',
    'uses',
    'previousUses',
    'refused',
    'previousRefused',
    'bySeal',
    'byHandler',
    'bySystem',
    'refusedByReason',
    'createdAt',
  ],
  additionalProperties: false,
  properties: {
    month: { type: 'string' },
    previousMonth: { type: 'string' },
    enterpriseName: { type: 'string' },
    uses: { type: 'integer' },
    previousUses: { type: 'integer' },
    refused: { type: 'integer' },
    previousRefused: { type: 'integer' },
    bySeal: lines,
    byHandler: lines,
    bySystem: lines,
    refusedByReason: lines,
    createdAt: { type: 'string', format: 'date-time' },
  },
} as const

/**
 * 用章报告: the monthly reports of an enterprise's seal use, for its legal representative only
 * ('audit:read', checked on every request, so a removed link or a changed role refuses at once).
 */
export async function sealReportRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { enterpriseId: string } }>(
    '/enterprises/:enterpriseId/seal-reports',
    {
      onRequest: requireUser,
      config: { enterpriseAction: 'audit:read' },
      schema: {
        ...common,
        summary: '用章报告月份列表（仅法定代表人）',
        params: {
          type: 'object',
          required: ['enterpriseId'],
          additionalProperties: false,
          properties: { enterpriseId: enterpriseIdSchema },
        },
        response: {
          200: {
            type: 'object',
            required: ['items'],
            additionalProperties: false,
            properties: {
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['month', 'uses', 'previousUses', 'refused', 'createdAt'],
                  additionalProperties: false,
                  properties: {
                    month: { type: 'string' },
                    uses: { type: 'integer' },
                    previousUses: { type: 'integer' },
                    refused: { type: 'integer' },
                    createdAt: { type: 'string', format: 'date-time' },
                  },
                },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request): Promise<SealReportList> => {
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

  app.get<{ Params: { enterpriseId: string; month: string } }>(
    '/enterprises/:enterpriseId/seal-reports/:month',
    {
      onRequest: requireUser,
      config: { enterpriseAction: 'audit:read' },
      schema: {
        ...common,
        summary: '某月用章报告：各印章、经办人、文件系统的用章次数及未通过的尝试，与上月对比（仅法定代表人）',
        params: {
          type: 'object',
          required: ['enterpriseId', 'month'],
          additionalProperties: false,
          properties: {
            enterpriseId: enterpriseIdSchema,
            month: { type: 'string', pattern: '^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$' },
          },
        },
        response: { 200: reportSchema, ...errorResponses },
      },
    },
    async (request): Promise<SealReportView> => {
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
