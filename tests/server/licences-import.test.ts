import type { FastifyInstance } from 'fastify'
import type { FollowUpEntry, ImportReport } from '../../src/contract/licences/schemas'
import { DEMO_ENTERPRISES, demoUscc, seedDemoData } from '../../server/seed/demo'
import { bearer, countRows, expectError, openTestDb, TEST_ADMIN_KEY, type TestDb } from './helpers'
import { appAt, freshUscc } from './licences-kit'

const TODAY = '2026-03-10'

let testDb: TestDb
let app: FastifyInstance

const admin = bearer(TEST_ADMIN_KEY)
const ruifeng = demoUscc(DEMO_ENTERPRISES[0])
const jianfeng = demoUscc(DEMO_ENTERPRISES[1])
const unregistered = freshUscc()

const HEADER = 'uscc,type_code,number,authority,issued_on,expires_on,scope,status'

/** A registry extract as Excel saves it: BOM, CRLF, a quoted scope with a comma and a quote. */
const CSV = [
  `\uFEFF${HEADER}`,
  `${ruifeng},food-production,SC11441100200031,许昌市市场监督管理局,2024-03-01,2029-02-28,"速冻食品,""速冻面米食品""",有效`,
  `${ruifeng},pollutant-discharge,91411002MA3X7R2K06001V,许昌市生态环境局,2023-06-01,2028-05-31,,`,
  `${jianfeng},construction-safety-production,（豫）JZ安许证字〔2024〕000123,河南省住房和城乡建设厅,2024-01-15,2027-01-14,,注销`,
  `${unregistered},food-production,SC10000000000001,某局,2024-01-01,2029-01-01,,有效`,
  `${ruifeng},food-business,JY14110020000001,许昌市市场监督管理局,2025-01-01,2024-12-31,,有效`,
  `${ruifeng.slice(0, 17)}0,food-business,JY14110020000002,许昌市市场监督管理局,2025-01-01,2029-12-31,,有效`,
  `${ruifeng},flying-permit,FP-1,民航局,2025-01-01,2027-01-01,,有效`,
  `${ruifeng},food-production,SC11441100200031,许昌市市场监督管理局,2024-03-01,2029-02-28,,有效`,
  `${ruifeng},food-business,JY14110020000003,许昌市市场监督管理局,2025-01-01,2030-01-01,,作废`,
].join('\r\n')

const importAs = (contentType: string, payload: string, headers = admin) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/admin/licences/import',
    headers: { ...headers, 'content-type': contentType },
    payload,
  })

const importedRows = () => countRows(testDb.db, "licences where source = 'import'")

beforeAll(async () => {
  testDb = await openTestDb({ seed: false })
  await seedDemoData(testDb.db, TODAY)
  app = await appAt(testDb.db, TODAY)
})
afterAll(async () => {
  await app.close()
  await testDb.close()
})

describe('registry import', () => {
  // Each test starts from no imported licence, so any one of them runs alone (`-t`) or in any order.
  beforeEach(async () => {
    await testDb.db.query(`delete from licences where source = 'import'`)
  })

  it('creates the good rows and reports each bad one with its line and a reason', async () => {
    const response = await importAs('text/csv; charset=utf-8', CSV)
    expect(response.statusCode).toBe(200)
    const report: ImportReport = response.json()
    expect(report).toMatchObject({ received: 9, accepted: 3, created: 3, updated: 0, unchanged: 0 })
    expect(report.rejected.map((r) => r.line)).toEqual([5, 6, 7, 8, 9, 10])
    const reasons = report.rejected.map((r) => r.reason)
    expect(reasons[0]).toBe(`企业未在平台登记（统一社会信用代码 ${unregistered}）`)
    expect(reasons[1]).toBe('有效期截止日期应晚于发证日期')
    expect(reasons[2]).toContain('校验位')
    expect(reasons[3]).toBe('未知的证照类型 flying-permit')
    expect(reasons[4]).toBe('与第 2 行是同一证照（企业、类型、编号相同）')
    expect(reasons[5]).toContain('作废')
    expect(await importedRows()).toBe(3)
    const { rows } = await testDb.db.query<{ scope: string | null; cancelled: string | null }>(
      `select scope, to_char(cancelled_on, 'YYYY-MM-DD') as cancelled from licences where source = 'import' order by number`,
    )
    expect(rows).toEqual(
      expect.arrayContaining([
        { scope: '速冻食品,"速冻面米食品"', cancelled: null },
        { scope: null, cancelled: TODAY },
      ]),
    )
  })

  it('is idempotent: the same file again creates and changes nothing', async () => {
    await importAs('text/csv', CSV)
    const report: ImportReport = (await importAs('text/csv', CSV)).json()
    expect(report).toMatchObject({ received: 9, accepted: 3, created: 0, updated: 0, unchanged: 3 })
    expect(await importedRows()).toBe(3)
  })

  it('takes JSON lines, updates changed records and treats a later expiry as a renewal', async () => {
    await importAs('text/csv', CSV)
    await testDb.db.query(
      `update licences set renewal_started_on = '2026-03-01' where number = '91411002MA3X7R2K06001V'`,
    )
    const lines = [
      {
        uscc: ruifeng,
        type_code: 'pollutant-discharge',
        number: '91411002MA3X7R2K06001V',
        authority: '许昌市生态环境局',
        issued_on: '2026-03-05',
        expires_on: '2031-03-04',
      },
      {
        uscc: jianfeng,
        type_code: 'construction-safety-production',
        number: '（豫）JZ安许证字〔2024〕000123',
        authority: '河南省住房和城乡建设厅（更名）',
        issued_on: '2024-01-15',
        expires_on: '2027-01-14',
        status: 'cancelled',
      },
      {
        uscc: ruifeng,
        type_code: 'food-production',
        number: 'SC11441100200031',
        authority: '许昌市市场监督管理局',
        issued_on: '2024-03-01',
        expires_on: '2029-02-28',
        scope: '速冻食品,"速冻面米食品"',
        status: '有效',
      },
    ]
    const body = `${lines.map((line) => JSON.stringify(line)).join('\n')}\n\n{"uscc": 12}\nnot json\n`
    const report: ImportReport = (await importAs('application/x-ndjson', body)).json()
    expect(report).toMatchObject({ received: 5, accepted: 3, created: 0, updated: 2, unchanged: 1 })
    expect(report.rejected).toEqual([
      { line: 5, reason: 'uscc 应为字符串' },
      { line: 6, reason: '不是有效的 JSON' },
    ])
    const { rows } = await testDb.db.query<{ renewal: string | null; history: number }>(
      `select to_char(renewal_started_on, 'YYYY-MM-DD') as renewal,
         (select count(*)::int from licence_history h where h.licence_id = l.id) as history
       from licences l where number = '91411002MA3X7R2K06001V'`,
    )
    expect(rows).toEqual([{ renewal: null, history: 1 }])
    expect(await importedRows()).toBe(3)
  })

  it('rejects a file it cannot read as a whole, writing nothing', async () => {
    const before = await countRows(testDb.db, 'licences')
    expectError(await importAs('text/csv', 'uscc,type,number\n1,2,3'), 400, 'VALIDATION_FAILED')
    expectError(await importAs('text/csv', `${HEADER}\n"unclosed,quote`), 400, 'VALIDATION_FAILED')
    expectError(await importAs('application/json', '[]'), 415, 'UNSUPPORTED_MEDIA_TYPE')
    const gbk = await importAs('text/csv', `${HEADER}\n\uFFFD\uFFFD,food-production`)
    expectError(gbk, 400, 'VALIDATION_FAILED')
    expect(gbk.json().message).toContain('UTF-8')
    expect(await countRows(testDb.db, 'licences')).toBe(before)
  })

  it('reports a cell the database cannot store (U+0000, a lone surrogate) on its line and imports the rest', async () => {
    const good = `${ruifeng},food-business,JY14110020000101,许昌市市场监督管理局,2025-01-01,2029-12-31,,有效`
    const csv = [
      HEADER,
      `${ruifeng},food-business,JY14110020000102,许昌市市场\u0000监督管理局,2025-01-01,2029-12-31,,有效`,
      good,
      `${ruifeng},food-business,JY14110020000103,许昌市市场监督管理局,2025-01-01,2029-12-31,"餐饮\u0000服务",有效`,
    ].join('\n')
    const before = await importedRows()
    const response = await importAs('text/csv', csv)
    expect(response.statusCode).toBe(200)
    expect(response.json<ImportReport>()).toMatchObject({
      received: 3,
      accepted: 1,
      created: 1,
      rejected: [
        { line: 2, reason: '发证机关（authority）含有空字符（U+0000）' },
        { line: 4, reason: '许可范围（scope）含有空字符（U+0000）' },
      ],
    })
    const ndjson = [
      JSON.stringify({
        uscc: ruifeng,
        type_code: 'food-business',
        number: 'JY14110020000104',
        authority: '许昌市\ud800监督管理局',
        issued_on: '2025-01-01',
        expires_on: '2029-12-31',
      }),
      '{"uscc":"\\u0000"}',
    ].join('\n')
    const lines = await importAs('application/x-ndjson', ndjson)
    expect(lines.statusCode).toBe(200)
    expect(lines.json<ImportReport>().rejected).toEqual([
      { line: 1, reason: '发证机关（authority）含有无法识别的字符（不完整的 Unicode 编码）' },
      { line: 2, reason: '统一社会信用代码（uscc）含有空字符（U+0000）' },
    ])
    expect(await importedRows()).toBe(before + 1)
  })

  it('is open to the admin key and to systems granted licence-import, no one else', async () => {
    const grant = async (scopes: string[]) =>
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/admin/systems',
          headers: admin,
          payload: { name: `登记系统 ${scopes.join(',')}`, scopes },
        })
      ).json().apiKey as string
    const registry = await grant(['licence-import'])
    const other = await grant(['sign-tasks'])
    expect((await importAs('text/csv', `${HEADER}\n`, bearer(registry))).statusCode).toBe(200)
    expectError(await importAs('text/csv', `${HEADER}\n`, bearer(other)), 403, 'FORBIDDEN')
    expectError(await importAs('text/csv', `${HEADER}\n`, bearer('nope')), 401, 'SYSTEM_KEY_INVALID')
    expectError(await importAs('text/csv', `${HEADER}\n`, {} as typeof admin), 401, 'SYSTEM_KEY_INVALID')
  })
})

describe('staff follow-up list', () => {
  const followUp = (query: string) => app.inject({ url: `/api/v1/admin/licences/follow-up${query}`, headers: admin })

  it('lists licences at most 3 days from the deadline (or just past it) with nobody renewing', async () => {
    const response = await followUp(`?date=${TODAY}`)
    expect(response.statusCode).toBe(200)
    const entries: FollowUpEntry[] = response.json()
    // Every demo enterprise has one 需立即办理 licence 3 days out and one 已逾期未续.
    expect(entries).toHaveLength(DEMO_ENTERPRISES.length * 2)
    expect(entries.every((e) => e.daysToDeadline <= 3)).toBe(true)
    expect(entries.map((e) => e.daysToDeadline)).toEqual(
      [...entries.map((e) => e.daysToDeadline)].sort((a, b) => a - b),
    )
    const ruifengEntries = entries.filter((e) => e.uscc === ruifeng)
    expect(ruifengEntries.map((e) => e.typeName).sort()).toEqual(['排污许可证', '食品生产许可证'])
    expect(ruifengEntries[0].contactPhoneMasked).toBe('138****0001')
    expect(JSON.stringify(entries)).not.toMatch(/1380000000\d/)
  })

  it('exports CSV for Excel: UTF-8 with BOM, Chinese header, masked phones', async () => {
    const response = await followUp(`?date=${TODAY}&format=csv`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(response.headers['content-disposition']).toContain(`follow-up-${TODAY}.csv`)
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe('企业名称,统一社会信用代码,证照名称,证照编号,最晚申请日,有效期至,距截止天数,联系电话')
    expect(lines).toHaveLength(DEMO_ENTERPRISES.length * 2 + 1)
    expect(response.body).not.toMatch(/1380000000\d/)
    expect(response.body).toContain('138****0001')
  })

  it('rejects a bad date or format, and callers without the admin key', async () => {
    expectError(await followUp('?date=2026-02-30'), 400, 'VALIDATION_FAILED')
    expectError(await followUp('?format=xlsx'), 400, 'VALIDATION_FAILED')
    expectError(await app.inject({ url: '/api/v1/admin/licences/follow-up' }), 401, 'ADMIN_KEY_INVALID')
  })
})
