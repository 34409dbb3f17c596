import type { FastifyInstance } from 'fastify'
import type { LicenceTypeView, LicenceView } from '../../src/contract/licences/schemas'
import { LICENCE_CATALOGUE } from '../../src/domain/licences/catalogue'
import { renewalDeadline } from '../../src/domain/licences/deadline'
import { bearer, countRows, expectError, loginSandbox, openTestDb, TEST_ADMIN_KEY, type TestDb } from './helpers'
import { appAt, makeEnterprise, makeUser } from './licences-kit'

const TODAY = '2026-03-10'

let testDb: TestDb
let app: FastifyInstance
let token: string
let enterpriseId: string

const admin = bearer(TEST_ADMIN_KEY)
const putTypes = (types: unknown, headers = admin) =>
  app.inject({ method: 'PUT', url: '/api/v1/admin/licence-types', headers, payload: { types } })
const getTypes = async (): Promise<LicenceTypeView[]> => (await app.inject({ url: '/api/v1/licence-types' })).json()

const CITY_TYPE = {
  code: 'xuchang-fire-safety',
  name: '公众聚集场所投入使用、营业前消防安全检查合格证',
  authorityKind: 'administrative-approval',
  validityYears: 3,
  leadRule: { kind: 'workingDays', days: 20 },
  procedure: 'reissue',
  materials: ['申请表', '营业执照'],
  applyAt: '许昌市政务服务中心',
  source: '许昌市本地配置（示例）',
}

beforeAll(async () => {
  testDb = await openTestDb({ seed: false })
  app = await appAt(testDb.db, TODAY)
  const enterprise = await makeEnterprise(testDb.db)
  enterpriseId = enterprise.id
  await makeUser(testDb.db, { phone: '13900000001', links: [{ enterpriseId }] })
  token = (await loginSandbox(app, '13900000001')).token
})
afterAll(async () => {
  await app.close()
  await testDb.close()
})

describe('the licence-type catalogue', () => {
  // Each test starts from the built-in catalogue (no city configuration), whichever ran before.
  beforeEach(async () => {
    expect((await putTypes([])).statusCode).toBe(200)
  })

  it('lists the built-in catalogue as views, without a session', async () => {
    const types = await getTypes()
    expect(types).toHaveLength(LICENCE_CATALOGUE.length)
    expect(types.find((t) => t.code === 'pollutant-discharge')).toEqual({
      code: 'pollutant-discharge',
      name: '排污许可证',
      authorityLabel: '生态环境部门',
      validityYears: 5,
      leadRuleText: '有效期届满60日前',
      procedureLabel: '延续',
      materials: expect.arrayContaining(['排污许可证延续申请表']),
      applyAt: expect.any(String),
      source: expect.stringContaining('排污许可管理条例'),
    })
  })

  it('takes a city configuration as data: new types, changed rules, and moves stored deadlines', async () => {
    const created = await app.inject({
      method: 'POST',
      url: `/api/v1/enterprises/${enterpriseId}/licences`,
      headers: bearer(token),
      payload: {
        typeCode: 'pollutant-discharge',
        number: 'P-1',
        authority: '许昌市生态环境局',
        issuedOn: '2023-01-10',
        expiresOn: '2028-01-09',
      },
    })
    const licence: LicenceView = created.json()
    expect(licence.latestApplyOn).toBe(renewalDeadline('2028-01-09', { kind: 'calendarDays', days: 60 }).latestApplyOn)

    const response = await putTypes([
      CITY_TYPE,
      { code: 'pollutant-discharge', leadRule: { kind: 'calendarDays', days: 90 } },
    ])
    expect(response.statusCode).toBe(200)
    const types = await getTypes()
    expect(types.find((t) => t.code === 'pollutant-discharge')?.leadRuleText).toBe('有效期届满90日前')
    expect(types.at(-1)).toMatchObject({
      code: CITY_TYPE.code,
      leadRuleText: '有效期届满20个工作日前',
      procedureLabel: '换证（重新审查发证）',
    })

    const moved = renewalDeadline('2028-01-09', { kind: 'calendarDays', days: 90 }).latestApplyOn
    const detail = await app.inject({ url: `/api/v1/licences/${licence.id}`, headers: bearer(token) })
    expect(detail.json().latestApplyOn).toBe(moved)
    const { rows } = await testDb.db.query<{ latest: string }>(
      `select to_char(latest_apply_on, 'YYYY-MM-DD') as latest from licences where id = $1`,
      [licence.id],
    )
    expect(rows[0].latest).toBe(moved)
  })

  it('hides a disabled type from new licences but keeps describing the existing ones', async () => {
    const made = await app.inject({
      method: 'POST',
      url: `/api/v1/enterprises/${enterpriseId}/licences`,
      headers: bearer(token),
      payload: {
        typeCode: 'pollutant-discharge',
        number: 'P-EXISTING',
        authority: '许昌市生态环境局',
        issuedOn: '2023-01-10',
        expiresOn: '2028-01-09',
      },
    })
    expect(made.statusCode).toBe(201)
    const existing: LicenceView = made.json()
    expect((await putTypes([{ code: 'pollutant-discharge', disabled: true }])).statusCode).toBe(200)
    expect((await getTypes()).some((t) => t.code === 'pollutant-discharge')).toBe(false)
    const refused = await app.inject({
      method: 'POST',
      url: `/api/v1/enterprises/${enterpriseId}/licences`,
      headers: bearer(token),
      payload: {
        typeCode: 'pollutant-discharge',
        number: 'P-2',
        authority: '局',
        issuedOn: '2024-01-01',
        expiresOn: '2029-01-01',
      },
    })
    expectError(refused, 400, 'LICENCE_TYPE_UNKNOWN')
    const detail = await app.inject({ url: `/api/v1/licences/${existing.id}`, headers: bearer(token) })
    // Without the city's 90-day change the built-in 60-day rule applies again.
    expect(detail.json()).toMatchObject({
      typeName: '排污许可证',
      latestApplyOn: renewalDeadline(existing.expiresOn, { kind: 'calendarDays', days: 60 }).latestApplyOn,
    })
    // The licence itself may still be edited under its (now disabled) type.
    const edited = await app.inject({
      method: 'PUT',
      url: `/api/v1/licences/${existing.id}`,
      headers: bearer(token),
      payload: {
        typeCode: 'pollutant-discharge',
        number: existing.number,
        authority: '许昌市生态环境局（改）',
        issuedOn: existing.issuedOn,
        expiresOn: existing.expiresOn,
      },
    })
    expect(edited.statusCode).toBe(200)
  })

  it('rejects malformed configuration with the problems per entry, storing nothing', async () => {
    const before = await countRows(testDb.db, 'licence_type_overrides')
    const response = await putTypes([
      { ...CITY_TYPE, leadRule: { kind: 'months', months: 0 } },
      { code: 'Not Valid' },
      { code: 'no-such-type', disabled: true },
    ])
    expectError(response, 400, 'VALIDATION_FAILED')
    const fields = response.json().details.map((d: { field: string }) => d.field)
    expect(fields).toEqual(['types[0] xuchang-fire-safety', 'types[1]', 'types[2] no-such-type'])
    expect(response.json().details[0].message).toContain('leadRule.months')
    expect(await countRows(testDb.db, 'licence_type_overrides')).toBe(before)
    expectError(await putTypes({ not: 'a list' }), 400, 'VALIDATION_FAILED')
    const bare = await app.inject({ method: 'PUT', url: '/api/v1/admin/licence-types', headers: admin, payload: [] })
    expectError(bare, 400, 'VALIDATION_FAILED')
  })

  it('is the admin key only', async () => {
    expectError(await putTypes([], {} as typeof admin), 401, 'ADMIN_KEY_INVALID')
    expectError(await putTypes([], bearer(token)), 401, 'ADMIN_KEY_INVALID')
  })

  it('goes back to the built-in catalogue with an empty list', async () => {
    expect((await putTypes([])).statusCode).toBe(200)
    expect(await getTypes()).toHaveLength(LICENCE_CATALOGUE.length)
  })
})
