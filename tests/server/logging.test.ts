import { maskLogValue, redactUrl } from '../../server/kernel/logging'
import {
  bearer,
  createTestApp,
  DEMO,
  expectError,
  loginSandbox,
  openTestDb,
  type TestApp,
  type TestDb,
} from './helpers'

const PHONE = '13912345678'
const ID_NUMBER = '11010519491231002X'

let testDb: TestDb
let t: TestApp
const lines: string[] = []

beforeAll(async () => {
  testDb = await openTestDb()
  t = await createTestApp({
    db: testDb.db,
    logger: { level: 'debug', stream: { write: (line: string) => void lines.push(line) } },
    extend: (app) => {
      app.get('/api/v1/test/boom', async () => {
        throw new Error(`lookup failed for ${PHONE} / ${ID_NUMBER}`)
      })
      app.get('/api/v1/test/chatty', async (request) => {
        request.log.info({ applicant: { phone: PHONE, idNumber: ID_NUMBER }, phones: [PHONE] }, `user ${PHONE} applied`)
        request.log.warn(`id ${ID_NUMBER}`)
        return { ok: true }
      })
    },
  })
})
afterAll(async () => {
  await t.close()
  await testDb.close()
})

beforeEach(() => {
  lines.length = 0
})

function logText(): string {
  expect(lines.length).toBeGreaterThan(0)
  return lines.join('')
}

describe('logs never contain phone or ID numbers', () => {
  it('masks them in messages, nested objects and arrays', async () => {
    expect((await t.app.inject('/api/v1/test/chatty')).statusCode).toBe(200)
    const text = logText()
    expect(text).not.toContain(PHONE)
    expect(text).not.toContain(ID_NUMBER)
    expect(text).toContain('139****5678')
    expect(text).toContain('1101**********002X')
  })

  it('masks them in unexpected errors, which answer a generic INTERNAL', async () => {
    const response = await t.app.inject('/api/v1/test/boom')
    expectError(response, 500, 'INTERNAL')
    expect(response.json().message).toBe('服务器开小差了，请稍后再试')
    expect(response.body).not.toContain('lookup failed')
    const text = logText()
    expect(text).toContain('lookup failed for 139****5678')
    expect(text).not.toContain(PHONE)
    expect(text).not.toContain(ID_NUMBER)
  })

  it('masks them in request URLs', async () => {
    await t.app.inject(`/api/v1/health?phone=${PHONE}`)
    const text = logText()
    expect(text).toContain('/api/v1/health?phone=139****5678')
    expect(text).not.toContain(PHONE)
  })

  it('keeps tokens, authorization headers and sandbox codes out of login and request logs', async () => {
    const { token } = await loginSandbox(t.app, DEMO.rep)
    await t.app.inject({ url: '/api/v1/me', headers: bearer(token) })
    await t.app.inject({ url: '/api/v1/admin/systems', headers: bearer('some-admin-key') })
    const text = logText()
    expect(text).toContain('user logged in')
    expect(text).not.toContain(DEMO.rep)
    expect(text).not.toContain(token)
    expect(text).not.toContain('some-admin-key')
  })
})

describe('logs never contain path secrets or codes', () => {
  const TICKET = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345'
  const QUERY_CODE = '7K3M9P2Q4R'

  it('redacts the sign-task ticket of /s/<ticket> and the query code of /complaints/by-code/<code>', async () => {
    expect((await t.app.inject(`/s/${TICKET}`)).statusCode).toBe(302)
    await t.app.inject(`/api/v1/complaints/by-code/${QUERY_CODE}`)
    const text = logText()
    expect(text).not.toContain(TICKET)
    expect(text).not.toContain(QUERY_CODE)
    expect(text).toContain('"url":"/s/[REDACTED]"')
    expect(text).toContain('"url":"/api/v1/complaints/by-code/[REDACTED]"')
  })

  it('redacts tokens and codes in query strings, keeping the rest', async () => {
    await t.app.inject(`/api/v1/health?token=tok-secret-1&Code=${QUERY_CODE}&ticket=${TICKET}&page=2`)
    const text = logText()
    expect(text).not.toContain('tok-secret-1')
    expect(text).not.toContain(QUERY_CODE)
    expect(text).not.toContain(TICKET)
    expect(text).toContain('/api/v1/health?token=[REDACTED]&Code=[REDACTED]&ticket=[REDACTED]&page=2')
  })

  it('redactUrl covers case, trailing parts and encoded names', () => {
    expect(redactUrl(`/S/${TICKET}/extra?x=1`)).toBe('/S/[REDACTED]?x=1')
    expect(redactUrl(`/api/v1/Complaints/By-Code/${QUERY_CODE}?lang=zh`)).toBe(
      '/api/v1/Complaints/By-Code/[REDACTED]?lang=zh',
    )
    expect(redactUrl('/x?%74oken=abc&inviteCode=K7M2P9Q4R3T8')).toBe('/x?%74oken=[REDACTED]&inviteCode=[REDACTED]')
    expect(redactUrl('/x?a=1&b')).toBe('/x?a=1&b')
    expect(redactUrl(`/api/v1/health?phone=${PHONE}`)).toBe('/api/v1/health?phone=139****5678')
  })
})

describe('maskLogValue', () => {
  it('leaves non-plain objects to the serializers and survives cycles by depth', () => {
    const error = new Error(PHONE)
    expect((maskLogValue({ err: error }) as { err: unknown }).err).toBe(error)
    const cyclic: Record<string, unknown> = { phone: PHONE }
    cyclic.self = cyclic
    const masked = JSON.stringify(maskLogValue(cyclic))
    expect(masked).not.toContain(PHONE)
    expect(masked).toContain('[Truncated]')
  })
})
