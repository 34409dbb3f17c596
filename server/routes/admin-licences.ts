import type { FastifyInstance } from 'fastify'
import type { FollowUpEntry, ImportReport } from '../contract-licences'
import { requireAdmin } from '../auth/require-admin'
import { requireAdminOrSystem } from '../auth/require-admin-or-system'
import { ApiError } from '../http/api-error'
import { todayInChina } from '../http/today'
import { loadCatalogue } from '../licences/catalogue-store'
import { followUpCsv, followUpList } from '../licences/follow-up'
import { importLicences } from '../licences/import'
import { ImportFormatError, parseCsv, parseNdjson } from '../licences/import-parse'
import { requireIsoDate, validationError } from '../licences/licence-input'
import { errorResponses } from './schemas'

/** A registry's full extract (62,000 records is ~10 MB of CSV). */
const IMPORT_BODY_LIMIT = 32 * 1024 * 1024
const MAX_IMPORT_RECORDS = 200_000

const followUpEntrySchema = {
  type: 'object',
  required: [
    'licenceId',
    'enterpriseName',
    'uscc',
    'typeName',
    'number',
    'latestApplyOn',
    'expiresOn',
    'daysToDeadline',
    'contactPhoneMasked',
  ],
  additionalProperties: false,
  properties: {
    licenceId: { type: 'string', format: 'uuid' },
    enterpriseName: { type: 'string' },
    uscc: { type: 'string' },
    typeName: { type: 'string' },
    number: { type: 'string' },
    latestApplyOn: { type: 'string', format: 'date' },
    expiresOn: { type: 'string', format: 'date' },
    daysToDeadline: { type: 'integer' },
    contactPhoneMasked: { type: ['string', 'null'] },
  },
} as const

const importReportSchema = {
  type: 'object',
  required: ['received', 'accepted', 'created', 'updated', 'unchanged', 'rejected'],
  additionalProperties: false,
  properties: {
    received: { type: 'integer' },
    accepted: { type: 'integer' },
    created: { type: 'integer' },
    updated: { type: 'integer' },
    unchanged: { type: 'integer' },
    rejected: {
      type: 'array',
      items: {
        type: 'object',
        required: ['line', 'reason'],
        additionalProperties: false,
        properties: { line: { type: 'integer' }, reason: { type: 'string' } },
      },
    },
  },
} as const

/** Staff's call list and the registry import. */
export async function adminLicenceRoutes(app: FastifyInstance): Promise<void> {
  // Only here (this plugin's scope): everywhere else a CSV or JSON-lines body stays a 415.
  app.addContentTypeParser(
    ['text/csv', 'application/x-ndjson'],
    { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  )

  app.get<{ Querystring: { date?: string; format?: 'json' | 'csv' } }>(
    '/admin/licences/follow-up',
    {
      onRequest: requireAdmin,
      schema: {
        tags: ['admin'],
        summary: '电话回访清单：距续期截止 ≤ 3 天且未办理续期的证照（format=csv 可用 Excel 打开）',
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
      const entries: FollowUpEntry[] = await followUpList(app.db, await loadCatalogue(app.db), date)
      if (request.query.format !== 'csv') return entries
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="follow-up-${date}.csv"`)
        .send(followUpCsv(entries))
    },
  )

  app.post<{ Body: string }>(
    '/admin/licences/import',
    {
      onRequest: requireAdminOrSystem('licence-import'),
      bodyLimit: IMPORT_BODY_LIMIT,
      // A NUL in one cell is that line's rejection reason (import-parse.ts), not the whole file's.
      config: { textBodyCheckedPerLine: true },
      schema: {
        tags: ['admin'],
        summary: '从证照登记系统批量导入（text/csv 或 application/x-ndjson；按 统一社会信用代码+类型+编号 幂等）',
        description: 'CSV 表头：uscc,type_code,number,authority,issued_on,expires_on,scope,status（UTF-8）',
        security: [{ adminKey: [] }, { systemKey: [] }],
        response: { 200: importReportSchema, ...errorResponses },
      },
    },
    async (request): Promise<ImportReport> => {
      if (typeof request.body !== 'string') {
        throw new ApiError('UNSUPPORTED_MEDIA_TYPE', { message: '请以 text/csv 或 application/x-ndjson 上传' })
      }
      if (request.body.includes('\uFFFD')) {
        throw validationError([{ field: 'body', message: '文件不是 UTF-8 编码（Excel 请另存为「CSV UTF-8」）' }])
      }
      const csv = /^text\/csv/i.test(request.headers['content-type'] ?? '')
      let records
      try {
        records = csv ? parseCsv(request.body) : parseNdjson(request.body)
      } catch (error) {
        if (error instanceof ImportFormatError) throw validationError([{ field: 'body', message: error.message }])
        throw error
      }
      if (records.length > MAX_IMPORT_RECORDS) {
        throw validationError([{ field: 'body', message: `一次最多导入 ${MAX_IMPORT_RECORDS} 条` }])
      }
      const report = await importLicences(app.db, await loadCatalogue(app.db), records, todayInChina(app))
      request.log.info(
        { system: request.system?.id ?? 'admin', ...report, rejected: report.rejected.length },
        'licences imported',
      )
      return report
    },
  )
}
