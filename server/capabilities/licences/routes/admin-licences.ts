import type { FastifyInstance } from 'fastify'
import * as endpoints from '../../../../src/contract/licences/endpoints'
import { ops, type FollowUpEntry } from '../../../../src/contract/licences/schemas'
import { requireAdmin } from '../../../kernel/auth/require-admin'
import { requireAdminOrSystem } from '../../../kernel/auth/require-admin-or-system'
import { ApiError } from '../../../kernel/http/api-error'
import { todayInChina } from '../../../kernel/http/today'
import { loadCatalogue } from '../catalogue-store'
import { followUpCsv, followUpList } from '../follow-up'
import { importLicences } from '../import'
import { ImportFormatError, parseCsv, parseNdjson } from '../import-parse'
import { requireIsoDate, validationError } from '../../../kernel/http/input-errors'
import { contractRoute } from '../../../kernel/http/contract-route'

/** A registry's full extract (62,000 records is ~10 MB of CSV). */
const IMPORT_BODY_LIMIT = 32 * 1024 * 1024
const MAX_IMPORT_RECORDS = 200_000

/** Staff's call list and the registry import. */
export async function adminLicenceRoutes(app: FastifyInstance): Promise<void> {
  // Only here (this plugin's scope): everywhere else a CSV or JSON-lines body stays a 415.
  app.addContentTypeParser(
    ['text/csv', 'application/x-ndjson'],
    { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  )

  contractRoute(
    app,
    endpoints.followUp,
    ops.followUp,
    {
      onRequest: requireAdmin,
      tags: ['admin'],
      summary: '电话回访清单：距续期截止 ≤ 3 天且未办理续期的证照（format=csv 可用 Excel 打开）',
    },
    async (request, reply) => {
      const date = request.query.date === undefined ? todayInChina(app) : requireIsoDate(request.query.date, 'date')
      const entries: FollowUpEntry[] = await followUpList(app.db, await loadCatalogue(app.db), date)
      if (request.query.format !== 'csv') return entries
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="follow-up-${date}.csv"`)
        .send(followUpCsv(entries) as never) // text/csv: not the JSON the schema describes
    },
  )

  contractRoute(
    app,
    endpoints.importLicences,
    ops.importLicences,
    {
      onRequest: requireAdminOrSystem('licence-import'),
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { textBodyCheckedPerLine: true },
      tags: ['admin'],
      summary: '从证照登记系统批量导入（text/csv 或 application/x-ndjson；按 统一社会信用代码+类型+编号 幂等）',
      description: 'CSV 表头：uscc,type_code,number,authority,issued_on,expires_on,scope,status（UTF-8）',
      security: [{ adminKey: [] }, { systemKey: [] }],
    },
    async (request) => {
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
