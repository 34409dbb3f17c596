import fc from 'fast-check'
import type { LoginIdentity, LoginProvider } from '../../server/kernel/auth/providers/login-provider'
import { ApiError } from '../../server/kernel/http/api-error'
import { LOGIN_LIMIT_PER_MINUTE } from '../../server/capabilities/account/routes/auth'
import {
  bearer,
  countRows,
  createTestApp,
  DEMO,
  expectError,
  loginSandbox,
  openTestDb,
  snapshotCounts,
  type TestApp,
  type TestDb,
} from './helpers'

/** Stands in for WeChat: `good-<openid>` logs in, anything else is an invalid code. */
const fakeWeapp: LoginProvider = {
  async exchangeCode(code: string): Promise<LoginIdentity> {
    if (!code.startsWith('good-')) throw new ApiError('LOGIN_CODE_INVALID')
    return { kind: 'platform', platform: 'weapp', subject: code.slice(5), unionId: 'union-1' }
  },
}

let testDb: TestDb
let t: TestApp

beforeAll(async () => {
  testDb = await openTestDb()
  t = await createTestApp({ db: testDb.db, loginProviders: { weapp: fakeWeapp } })
})
afterAll(async () => {
  await t.close()
  await testDb.close()
})

const login = (payload: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: payload as object })

describe('sandbox login', () => {
  it('logs a demo user in and never returns the full phone or ID number', async () => {
    const response = await login({ platform: 'h5', code: `sandbox:${DEMO.rep}`, consentVersion: '2025-01' })
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 167 * 3_600_000)
    expect(body.user).toMatchObject({
      name: '张建国',
      phoneMasked: '138****0001',
      consent: { accepted: true, version: '2025-01' },
      currentEnterpriseId: null,
    })
    expect(body.user.idNumberMasked).toMatch(/^4110\*{10}\d{3}[\dX]$/)
    expect(response.body).not.toContain(DEMO.rep)
    expect(response.body).not.toMatch(/\d{17}[\dX]/)

    const me = await t.app.inject({ url: '/api/v1/me', headers: bearer(body.token) })
    expect(me.statusCode).toBe(200)
    expect(me.json()).toEqual(body.user)
    expect(me.body).not.toContain(DEMO.rep)
  })

  it('stores only the SHA-256 of the token', async () => {
    const { token } = await loginSandbox(t.app, DEMO.agent)
    const { rows } = await t.db.query<{ token_hash: string }>('select token_hash from sessions')
    expect(rows.map((row) => row.token_hash)).not.toContain(token)
    const { createHash } = await import('node:crypto')
    expect(rows.map((row) => row.token_hash)).toContain(createHash('sha256').update(token).digest('hex'))
  })

  it('creates a new user for an unknown phone and reuses it on the next login', async () => {
    const first = await loginSandbox(t.app, '13912345678')
    const second = await loginSandbox(t.app, '13912345678')
    expect(second.user.id).toBe(first.user.id)
    expect(first.user).toMatchObject({ name: null, phoneMasked: '139****5678', idNumberMasked: null })
  })

  it('rejects a sandbox code that is not sandbox:<mobile>', async () => {
    expectError(await login({ platform: 'h5', code: 'sandbox:12345', consentVersion: '1' }), 400, 'LOGIN_CODE_INVALID')
  })

  it('refuses h5 login when the sandbox is off', async () => {
    const off = await createTestApp({ db: testDb.db, config: { sandbox: false } })
    const response = await off.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      // An address of its own: the login attempts of other tests (counted in the database) are not its.
      remoteAddress: '198.51.100.20',
      payload: { platform: 'h5', code: `sandbox:${DEMO.rep}`, consentVersion: '1' },
    })
    expectError(response, 403, 'SANDBOX_DISABLED')
    await off.close()
  })
})

describe('platform login through a provider', () => {
  it('keys users by (platform, subject) and records the consent once', async () => {
    const payload = { platform: 'weapp', code: 'good-openid-42', consentVersion: 'v3' }
    const first = (await login(payload)).json()
    const second = (await login(payload)).json()
    expect(second.user.id).toBe(first.user.id)
    const { rows } = await t.db.query('select platform, subject, union_id from user_identities where user_id = $1', [
      first.user.id,
    ])
    expect(rows).toEqual([{ platform: 'weapp', subject: 'openid-42', union_id: 'union-1' }])
    const records = await t.db.query('select version, accepted from consent_records where user_id = $1', [
      first.user.id,
    ])
    expect(records.rows).toEqual([{ version: 'v3', accepted: true }])
  })

  it('passes provider errors through and writes nothing', async () => {
    const before = await snapshotCounts(t.db)
    expectError(await login({ platform: 'weapp', code: 'bad', consentVersion: '1' }), 401, 'LOGIN_CODE_INVALID')
    expect(await snapshotCounts(t.db)).toEqual(before)
  })

  it('answers 422 for a platform with no configured provider, telling the user to sign in another way', async () => {
    const before = await snapshotCounts(t.db)
    const response = await login({ platform: 'alipay', code: 'x', consentVersion: '1' })
    expectError(response, 422, 'LOGIN_PLATFORM_UNAVAILABLE')
    expect(response.json().message).toBe('当前服务未开通支付宝登录，请改用其他方式登录')
    expect(await snapshotCounts(t.db)).toEqual(before)
  })
})

describe('login validation', () => {
  const valid = { platform: 'h5', code: `sandbox:${DEMO.handler}`, consentVersion: '2025-01' }
  const cases: [string, unknown, string][] = [
    ['missing platform', { code: valid.code, consentVersion: '1' }, 'platform'],
    ['missing code', { platform: 'h5', consentVersion: '1' }, 'code'],
    ['missing consentVersion', { platform: 'h5', code: valid.code }, 'consentVersion'],
    ['empty consentVersion', { ...valid, consentVersion: '' }, 'consentVersion'],
    ['blank consentVersion', { ...valid, consentVersion: '   ' }, 'consentVersion'],
    ['unknown platform', { ...valid, platform: 'douyin' }, 'platform'],
    ['numeric code', { ...valid, code: 13800000003 }, 'code'],
    ['boolean consentVersion', { ...valid, consentVersion: true }, 'consentVersion'],
    ['extra field', { ...valid, role: 'admin' }, 'role'],
    ['array body', [valid], '请求体'],
  ]

  it.each(cases)('%s → 400 VALIDATION_FAILED naming the field, nothing written', async (_name, payload, field) => {
    const before = await snapshotCounts(t.db)
    const response = await login(payload)
    expectError(response, 400, 'VALIDATION_FAILED')
    expect(response.json().details[0].field).toBe(field)
    expect(response.json().message).toContain(field)
    expect(await snapshotCounts(t.db)).toEqual(before)
  })

  it('answers malformed JSON with INVALID_JSON and writes nothing', async () => {
    const before = await snapshotCounts(t.db)
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: `{"platform":"h5","code":"sandbox:${DEMO.handler}"`,
    })
    expectError(response, 400, 'INVALID_JSON')
    expect(await snapshotCounts(t.db)).toEqual(before)
  })

  it('never answers arbitrary JSON with a 5xx or a write', async () => {
    const users = await countRows(t.db, 'users')
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const response = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify(value),
        })
        expect(response.statusCode).toBeGreaterThanOrEqual(400)
        expect(response.statusCode).toBeLessThan(500)
      }),
      { numRuns: 150 },
    )
    expect(await countRows(t.db, 'users')).toBe(users)
  })
})

describe('sessions', () => {
  it('answers a missing token with UNAUTHORIZED', async () => {
    const response = await t.app.inject('/api/v1/me')
    expectError(response, 401, 'UNAUTHORIZED')
    expect(response.json().message).toBe('请先登录')
  })

  it('answers an unknown token with SESSION_EXPIRED', async () => {
    expectError(await t.app.inject({ url: '/api/v1/me', headers: bearer('not-a-real-token') }), 401, 'SESSION_EXPIRED')
  })

  it('answers an expired token with SESSION_EXPIRED', async () => {
    const { token, user } = await loginSandbox(t.app, DEMO.handler)
    await t.db.query(`update sessions set expires_at = now() - interval '1 second' where user_id = $1`, [user.id])
    const response = await t.app.inject({ url: '/api/v1/me', headers: bearer(token) })
    expectError(response, 401, 'SESSION_EXPIRED')
    expect(response.json().message).toBe('登录已过期，请重新登录')
  })

  it('logout deletes exactly the current session', async () => {
    const a = await loginSandbox(t.app, DEMO.rep)
    const b = await loginSandbox(t.app, DEMO.rep)
    const logout = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(a.token) })
    expect(logout.statusCode).toBe(204)
    expectError(await t.app.inject({ url: '/api/v1/me', headers: bearer(a.token) }), 401, 'SESSION_EXPIRED')
    expect((await t.app.inject({ url: '/api/v1/me', headers: bearer(b.token) })).statusCode).toBe(200)
  })

  it('accepts logout with a JSON content type and no body, as mini-program clients send it', async () => {
    const { token } = await loginSandbox(t.app, DEMO.rep)
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { ...bearer(token), 'content-type': 'application/json' },
    })
    expect(response.statusCode).toBe(204)
  })
})

describe('login attempts per address (production settings: no sandbox)', () => {
  let production: TestApp

  beforeAll(async () => {
    production = await createTestApp({
      db: testDb.db,
      config: { sandbox: false },
      loginProviders: { weapp: fakeWeapp },
    })
  })
  afterAll(async () => {
    await production.close()
  })

  const attempt = (code: string, remoteAddress: string) =>
    production.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress,
      payload: { platform: 'weapp', code, consentVersion: '2025-01' },
    })

  it(`allows ${LOGIN_LIMIT_PER_MINUTE} a minute from one address, then 429 in Chinese without logging in`, async () => {
    for (let i = 0; i < LOGIN_LIMIT_PER_MINUTE; i++) {
      // Failed attempts count too: that is what guessing looks like.
      const response = await attempt(i % 2 === 0 ? `good-limit-${i}` : 'bad-code', '198.51.100.10')
      expect(response.statusCode).toBe(i % 2 === 0 ? 200 : 401)
    }
    const sessions = await countRows(testDb.db, 'sessions')
    const limited = await attempt('good-limit-over', '198.51.100.10')
    expect(limited.statusCode).toBe(429)
    expect(limited.json()).toEqual({ code: 'RATE_LIMITED', message: '登录尝试过于频繁，请稍后再试' })
    expect(await countRows(testDb.db, 'sessions')).toBe(sessions)
    // Another address still logs in.
    expect((await attempt('good-limit-elsewhere', '198.51.100.11')).statusCode).toBe(200)
  })
})
