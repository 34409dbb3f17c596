import type { FastifyInstance, InjectOptions } from 'fastify'
import { encodeTbs, SM2_WITH_SM3_OID, SM3_OID, TBS_FORMAT, type TbsSign } from '../../src/domain/signing/tbs'
import { seedDemoData } from '../../server/seed/demo'
import { bearer, countRows, loginSandbox, DEMO, openTestDb, TEST_ADMIN_KEY, type TestDb } from './helpers'
import { appAt } from './licences-kit'

/**
 * The one door (server/kernel/http/input-door.ts): text PostgreSQL cannot store, ids of the wrong shape
 * and dates that make no sense are a 400 with a Chinese message wherever they arrive — before
 * this, each of these was a 500 (or, for lone surrogates, text silently stored as U+FFFD).
 */

const TODAY = '2026-09-01'
let testDb: TestDb
let app: FastifyInstance
let rep: { authorization: string }
let enterpriseId: string
const admin = bearer(TEST_ADMIN_KEY)

beforeAll(async () => {
  testDb = await openTestDb({ seed: false })
  await seedDemoData(testDb.db, TODAY)
  app = await appAt(testDb.db, TODAY)
  const login = await loginSandbox(app, DEMO.rep)
  rep = bearer(login.token)
  const enterprises = await app.inject({ method: 'GET', url: '/api/v1/enterprises', headers: rep })
  enterpriseId = enterprises.json()[0].id
})

afterAll(async () => {
  await app.close()
  await testDb.close()
})

const TABLES = ['licences', 'systems', 'policy_favourites', 'consent_records', 'sessions', 'reminder_runs']
const counts = () => Promise.all(TABLES.map((table) => countRows(testDb.db, table)))

/** Sends the request; expects a 400 VALIDATION_FAILED naming `field`, and no row written. */
async function expectRefused(request: InjectOptions, field: string, message: string | RegExp): Promise<void> {
  const before = await counts()
  const response = await app.inject(request)
  expect({ status: response.statusCode, code: response.json().code }).toEqual({
    status: 400,
    code: 'VALIDATION_FAILED',
  })
  expect(response.json().details).toEqual([{ field, message: expect.stringMatching(message) }])
  expect(response.json().message).toMatch(message)
  expect(await counts()).toEqual(before)
}

const licence = (overrides: Record<string, unknown>) => ({
  typeCode: 'food-business',
  number: 'JY14110020009001',
  authority: '许昌市市场监督管理局',
  issuedOn: '2025-01-01',
  expiresOn: '2029-12-31',
  ...overrides,
})

describe('U+0000 and lone surrogates', () => {
  it('refuses them in any string of a JSON body, at any depth', async () => {
    await expectRefused(
      {
        method: 'POST',
        url: `/api/v1/enterprises/${enterpriseId}/licences`,
        headers: rep,
        payload: licence({ authority: '许昌市\u0000市场监督管理局' }),
      },
      'authority',
      /^(请求参数有误：)?authority 含有空字符（U\+0000），请删除后重试$/,
    )
    await expectRefused(
      { method: 'POST', url: '/api/v1/admin/systems', headers: admin, payload: { name: '系统\u0000', scopes: [] } },
      'name',
      /含有空字符/,
    )
    await expectRefused(
      {
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { platform: 'h5', code: `sandbox:${DEMO.agent}`, consentVersion: 'v\u0000' },
      },
      'consentVersion',
      /含有空字符/,
    )
    // JSON's "\ud800" parses to an unpaired surrogate, which UTF-8 cannot carry.
    await expectRefused(
      {
        method: 'POST',
        url: `/api/v1/enterprises/${enterpriseId}/licences`,
        headers: { ...rep, 'content-type': 'application/json' },
        payload: JSON.stringify(licence({ authority: '许昌市\ud800局' })),
      },
      'authority',
      /^(请求参数有误：)?authority 含有无法识别的字符（不完整的 Unicode 编码），请删除后重试$/,
    )
    await expectRefused(
      {
        method: 'PUT',
        url: '/api/v1/me/reminder-settings',
        headers: { ...rep, 'content-type': 'application/json' },
        payload: '{"offsets":[30],"onExpiryDay":true,"channels":{"inbox":true},"x\\u0000":1}',
      },
      'x?',
      /含有空字符/,
    )
  })

  it('refuses them in path parameters and the query string (percent-encoded)', async () => {
    await expectRefused(
      { method: 'PUT', url: '/api/v1/me/policy-favourites/a%00b', headers: rep },
      'id',
      /^(请求参数有误：)?id 含有空字符/,
    )
    await expectRefused(
      { method: 'POST', url: '/api/v1/admin/policies/%00/publish', headers: admin },
      'id',
      /含有空字符/,
    )
    await expectRefused(
      { method: 'GET', url: '/api/v1/policies?q=%E6%94%BF%00' },
      'q',
      /^(请求参数有误：)?q 含有空字符/,
    )
  })

  it('names a NUL in an address no route declares as the address, not as the router’s "*"', async () => {
    // An address under no API route reaches the catch-all; its parameter is called "*", which
    // once surfaced as 「请求参数有误：* 含有空字符…」.
    await expectRefused(
      { method: 'GET', url: '/api/v1/health%00' },
      '请求地址',
      /^(请求参数有误：)?请求地址 含有空字符/,
    )
    await expectRefused({ method: 'GET', url: '/%00' }, '请求地址', /^(请求参数有误：)?请求地址 含有空字符/)
  })

  it('answers a path the router cannot decode, or an over-long path parameter, in the API’s shape', async () => {
    // %ED%A0%80 is UTF-8 for a lone surrogate; Fastify answered these in its own English JSON.
    const bad = await app.inject({ method: 'GET', url: '/api/v1/policies/%ED%A0%80' })
    expect({ status: bad.statusCode, body: bad.json() }).toEqual({
      status: 400,
      body: { code: 'VALIDATION_FAILED', message: '请求地址含有无法识别的字符编码' },
    })
    const long = await app.inject({ method: 'GET', url: `/api/v1/policies/${'p'.repeat(101)}` })
    expect({ status: long.statusCode, body: long.json() }).toEqual({
      status: 414,
      body: { code: 'VALIDATION_FAILED', message: '请求地址中的参数过长' },
    })
  })

  it('lets well-formed text through, astral characters included', async () => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/enterprises/${enterpriseId}/licences`,
      headers: rep,
      payload: licence({ number: 'JY14110020009002', authority: '许昌市𠀀监督管理局' }),
    })
    expect(response.statusCode).toBe(201)
  })
})

describe('ids', () => {
  it('refuses a uuid written the way a uuid column does not read it', async () => {
    // ajv-formats accepts the urn: form; PostgreSQL does not (this was a 500).
    const complaint = '1e02c6cb-7433-4806-87d4-3eb92739719d'
    await expectRefused(
      {
        method: 'GET',
        url: `/api/v1/staff/complaints/${complaint}/attachments/urn:uuid:a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11`,
        headers: admin,
      },
      'attachmentId',
      /^(请求参数有误：)?attachmentId 不是有效的编号$/,
    )
  })

  it('refuses a 验章 record whose signed data names a seal by something that is not an id, before login', async () => {
    const tbs: TbsSign = {
      format: TBS_FORMAT,
      eseal: {
        id: 'not-a-uuid',
        kind: 'seal',
        type: 'contract',
        name: '合同专用章',
        holder: '91411002MA3X7R2K0X',
        validFrom: '2026-01-01T00:00:00.000Z',
        validTo: '2027-01-01T00:00:00.000Z',
        publicKeySm3: 'a'.repeat(64),
      },
      timeInfo: '2026-06-01T00:00:00.000Z',
      dataHash: 'b'.repeat(64),
      dataHashAlgorithm: SM3_OID,
      signatureAlgorithm: SM2_WITH_SM3_OID,
      propertyInfo: {
        taskId: '1e02c6cb-7433-4806-87d4-3eb92739719d',
        documentName: '采购合同',
        enterpriseUscc: '91411002MA3X7R2K0X',
        requestedBy: '合同系统',
        signer: {
          userId: '1e02c6cb-7433-4806-87d4-3eb92739719e',
          name: null,
          basis: 'legal_representative',
          grantId: null,
          confirmedBy: 'pin',
        },
      },
    }
    await expectRefused(
      {
        method: 'POST',
        url: '/api/v1/seal-verifications',
        payload: {
          signatureRecord: {
            tbs: Buffer.from(encodeTbs(tbs)).toString('base64'),
            signature: 'AAAA',
            signerPublicKey: '-----BEGIN PUBLIC KEY-----',
          },
          documentSm3: 'b'.repeat(64),
        },
      },
      'signatureRecord.tbs',
      /eseal\.id 不是有效的编号/,
    )
  })
})

describe('dates', () => {
  it('refuses days that do not exist and years outside 1900–2100 with a message saying so', async () => {
    for (const date of ['2026-02-30', '9999-12-31', '0001-01-01', '1899-12-31', '2101-01-01']) {
      await expectRefused(
        { method: 'POST', url: '/api/v1/admin/reminders/run', headers: admin, payload: { date } },
        'date',
        /^(请求参数有误：)?date 应为 1900 至 2100 年间真实存在的日期（格式：2026-01-31）$/,
      )
    }
    await expectRefused(
      {
        method: 'POST',
        url: '/api/v1/admin/complaints/supervise',
        headers: admin,
        payload: { now: '9999-12-31T23:59:59Z' },
      },
      'now',
      /1900 至 2100 年间的有效时间/,
    )
    await expectRefused(
      { method: 'POST', url: '/api/v1/policy-calculator', payload: { profile: { foundedOn: '9999-12-31' } } },
      'profile.foundedOn',
      /1900 至 2100 年间真实存在的日期/,
    )
  })

  it('takes the ends of the range and 29 February of a leap year', async () => {
    for (const date of ['1900-01-01', '2100-12-31', '2024-02-29']) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/admin/reminders/run',
        headers: admin,
        payload: { date },
      })
      expect(response.statusCode).toBe(200)
    }
  })
})
