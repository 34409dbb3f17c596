import { randomUUID } from 'node:crypto'
import { currentSystem, requireSystem } from '../../server/kernel/auth/require-system'
import {
  bearer,
  countRows,
  createTestApp,
  expectError,
  openTestDb,
  TEST_ADMIN_KEY,
  type TestApp,
  type TestDb,
} from './helpers'

let testDb: TestDb
let t: TestApp

const admin = bearer(TEST_ADMIN_KEY)
const createSystem = (payload: object, headers = admin) =>
  t.app.inject({ method: 'POST', url: '/api/v1/admin/systems', headers, payload })

beforeAll(async () => {
  testDb = await openTestDb({ seed: false })
  t = await createTestApp({
    db: testDb.db,
    // A stand-in for the sign-task routes of a later issue: guarded by a scope.
    extend: (app) =>
      app.get('/api/v1/test/sign-tasks', { onRequest: requireSystem('sign-tasks') }, async (request) =>
        currentSystem(request),
      ),
  })
})
afterAll(async () => {
  await t.close()
  await testDb.close()
})
// Every test starts with no system registered: some count them, others list them.
beforeEach(async () => {
  await testDb.db.query('delete from systems')
})

describe('admin authentication', () => {
  it('answers ADMIN_DISABLED on every admin route while no key is configured', async () => {
    const disabled = await createTestApp({ db: testDb.db, config: { adminApiKey: undefined } })
    for (const request of [
      { method: 'GET' as const, url: '/api/v1/admin/systems' },
      { method: 'POST' as const, url: '/api/v1/admin/systems', payload: { name: 'x', scopes: ['a'] } },
      { method: 'DELETE' as const, url: `/api/v1/admin/systems/${randomUUID()}` },
    ]) {
      const response = await disabled.app.inject({ ...request, headers: bearer('') })
      expectError(response, 403, 'ADMIN_DISABLED')
      expect(response.json().message).toBe('管理接口未启用')
    }
    await disabled.close()
  })

  it('rejects a missing or wrong key', async () => {
    expectError(await t.app.inject('/api/v1/admin/systems'), 401, 'ADMIN_KEY_INVALID')
    expectError(
      await t.app.inject({ url: '/api/v1/admin/systems', headers: bearer(`${TEST_ADMIN_KEY}x`) }),
      401,
      'ADMIN_KEY_INVALID',
    )
    expectError(await createSystem({ name: 'x', scopes: ['a'] }, bearer('nope')), 401, 'ADMIN_KEY_INVALID')
    expect(await countRows(t.db, 'systems')).toBe(0)
  })

  it('accepts the configured key', async () => {
    const response = await t.app.inject({ url: '/api/v1/admin/systems', headers: admin })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual([])
  })
})

describe('external systems', () => {
  it('validates the registration without writing', async () => {
    for (const payload of [
      { name: '', scopes: ['a'] },
      { name: 'x', scopes: [] },
      { name: 'x', scopes: ['Bad Scope'] },
      { name: 'x' },
      { name: 'x', scopes: ['a'], key: 'mine' },
    ]) {
      expectError(await createSystem(payload), 400, 'VALIDATION_FAILED')
    }
    expect(await countRows(t.db, 'systems')).toBe(0)
  })

  it('creates a system whose key works once shown and stops working when revoked', async () => {
    const created = await createSystem({ name: '佛山公文系统', scopes: ['sign-tasks'] })
    expect(created.statusCode).toBe(201)
    const system = created.json()
    expect(system).toMatchObject({ name: '佛山公文系统', scopes: ['sign-tasks'] })
    expect(system.apiKey).toMatch(/^zqt_sys_[A-Za-z0-9_-]{43}$/)

    const stored = await t.db.query<{ key_hash: string }>('select key_hash from systems where id = $1', [system.id])
    expect(stored.rows[0].key_hash).not.toContain(system.apiKey)

    const listed = await t.app.inject({ url: '/api/v1/admin/systems', headers: admin })
    expect(listed.json()).toEqual([
      {
        id: system.id,
        name: '佛山公文系统',
        scopes: ['sign-tasks'],
        callbackHosts: null,
        createdAt: system.createdAt,
        revokedAt: null,
      },
    ])
    expect(listed.body).not.toContain(system.apiKey)

    const whoami = await t.app.inject({ url: '/api/v1/system/whoami', headers: bearer(system.apiKey) })
    expect(whoami.json()).toEqual({ id: system.id, name: '佛山公文系统', scopes: ['sign-tasks'] })
    expect((await t.app.inject({ url: '/api/v1/test/sign-tasks', headers: bearer(system.apiKey) })).statusCode).toBe(
      200,
    )

    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/v1/admin/systems/${system.id}`, headers: admin })
    expect(revoked.statusCode).toBe(200)
    expect(revoked.json().revokedAt).not.toBeNull()
    expectError(
      await t.app.inject({ url: '/api/v1/test/sign-tasks', headers: bearer(system.apiKey) }),
      401,
      'SYSTEM_KEY_INVALID',
    )
    expectError(
      await t.app.inject({ url: '/api/v1/system/whoami', headers: bearer(system.apiKey) }),
      401,
      'SYSTEM_KEY_INVALID',
    )
  })

  it('keeps a callback host allowlist, set at registration or later, lower case without repeats', async () => {
    const created = await createSystem({
      name: '公文交换',
      scopes: ['sign-tasks'],
      callbackHosts: ['Hooks.Example.gov.cn', 'hooks.example.gov.cn'],
    })
    expect(created.statusCode).toBe(201)
    expect(created.json().callbackHosts).toEqual(['hooks.example.gov.cn'])
    const url = `/api/v1/admin/systems/${created.json().id}/callback-hosts`
    const set = await t.app.inject({ method: 'PUT', url, headers: admin, payload: { callbackHosts: ['b.example.cn'] } })
    expect(set.statusCode).toBe(200)
    expect(set.json().callbackHosts).toEqual(['b.example.cn'])
    const lifted = await t.app.inject({ method: 'PUT', url, headers: admin, payload: { callbackHosts: null } })
    expect(lifted.json().callbackHosts).toBeNull()
    for (const host of ['https://b.example.cn', 'b.example.cn:443', 'b.example.cn/x', '', '-bad.cn', 'a b.cn']) {
      expectError(
        await t.app.inject({ method: 'PUT', url, headers: admin, payload: { callbackHosts: [host] } }),
        400,
        'VALIDATION_FAILED',
      )
    }
    expectError(
      await t.app.inject({
        method: 'PUT',
        url: `/api/v1/admin/systems/${randomUUID()}/callback-hosts`,
        headers: admin,
        payload: { callbackHosts: [] },
      }),
      404,
      'NOT_FOUND',
    )
    expectError(
      await t.app.inject({ method: 'PUT', url, headers: bearer('nope'), payload: { callbackHosts: null } }),
      401,
      'ADMIN_KEY_INVALID',
    )
  })

  it('forbids a system without the required scope', async () => {
    const { apiKey } = (await createSystem({ name: '证照库', scopes: ['licence-import'] })).json()
    expectError(await t.app.inject({ url: '/api/v1/test/sign-tasks', headers: bearer(apiKey) }), 403, 'FORBIDDEN')
  })

  it('rejects unknown keys and the admin key', async () => {
    expectError(
      await t.app.inject({ url: '/api/v1/test/sign-tasks', headers: bearer('zqt_sys_guess') }),
      401,
      'SYSTEM_KEY_INVALID',
    )
    expectError(await t.app.inject({ url: '/api/v1/test/sign-tasks', headers: admin }), 401, 'SYSTEM_KEY_INVALID')
    expectError(await t.app.inject('/api/v1/test/sign-tasks'), 401, 'SYSTEM_KEY_INVALID')
  })

  it('answers NOT_FOUND when revoking an unknown system and 400 for a bad id', async () => {
    expectError(
      await t.app.inject({ method: 'DELETE', url: `/api/v1/admin/systems/${randomUUID()}`, headers: admin }),
      404,
      'NOT_FOUND',
    )
    expectError(
      await t.app.inject({ method: 'DELETE', url: '/api/v1/admin/systems/42', headers: admin }),
      400,
      'VALIDATION_FAILED',
    )
  })
})
