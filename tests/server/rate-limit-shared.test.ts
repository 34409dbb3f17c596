import type { FastifyInstance } from 'fastify'
import type { FastifyRateLimitStore } from '@fastify/rate-limit'
import { buildApp } from '../../server/app'
import type { LoginIdentity, LoginProvider } from '../../server/kernel/auth/providers/login-provider'
import { dbRateLimitStore, RATE_LIMIT_CLEANUP_EVERY_MS } from '../../server/kernel/http/db-rate-limit-store'
import { LOGIN_LIMIT_PER_MINUTE } from '../../server/capabilities/account/routes/auth'
import { countRows, openTestDb, testConfig, type TestDb } from './helpers'

/**
 * The per-address limits hold across server instances: two apps on one database (two processes on
 * one PostgreSQL, as far as the counters can tell) count against one limit. With the plugin's
 * in-memory store each instance had its own count, so two instances let twice the limit through.
 */

const fakeWeapp: LoginProvider = {
  async exchangeCode(code: string): Promise<LoginIdentity> {
    return { kind: 'platform', platform: 'weapp', subject: code, unionId: undefined }
  },
}

const START = Date.parse('2026-03-10T04:00:00Z')
let now = START
let testDb: TestDb
let a: FastifyInstance
let b: FastifyInstance

beforeAll(async () => {
  testDb = await openTestDb({ seed: false })
  const instance = async () => {
    const app = buildApp({
      db: testDb.db,
      config: testConfig({ sandbox: false }),
      loginProviders: { weapp: fakeWeapp },
      now: () => now,
    })
    await app.ready()
    return app
  }
  a = await instance()
  b = await instance()
})
afterAll(async () => {
  await a.close()
  await b.close()
  await testDb.close()
})

const login = (app: FastifyInstance, remoteAddress: string, code: string) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress,
    payload: { platform: 'weapp', code, consentVersion: '2025-01' },
  })

describe('the login limit over two instances', () => {
  it(`counts logins spread over both: ${LOGIN_LIMIT_PER_MINUTE} pass, then both answer 429`, async () => {
    const address = '198.51.100.20'
    const statuses: number[] = []
    for (let i = 0; i < LOGIN_LIMIT_PER_MINUTE + 2; i++) {
      // A, B, A, B, …: each instance alone sees only half the limit.
      statuses.push((await login(i % 2 === 0 ? a : b, address, `o-spread-${i}`)).statusCode)
    }
    expect(statuses).toEqual([...Array(LOGIN_LIMIT_PER_MINUTE).fill(200), 429, 429])
    const limited = await login(a, address, 'o-spread-over')
    expect(limited.json()).toEqual({ code: 'RATE_LIMITED', message: '登录尝试过于频繁，请稍后再试' })
    expect((await login(b, '198.51.100.21', 'o-other-address')).statusCode).toBe(200)
  })

  it('lets exactly the limit through when the attempts arrive at once on both', async () => {
    const address = '198.51.100.30'
    const sessionsBefore = await countRows(testDb.db, 'sessions')
    const responses = await Promise.all(
      Array.from({ length: 3 * LOGIN_LIMIT_PER_MINUTE }, (_, i) => login(i % 2 === 0 ? a : b, address, `o-burst-${i}`)),
    )
    const statuses = responses.map((response) => response.statusCode)
    expect(statuses.filter((status) => status === 200)).toHaveLength(LOGIN_LIMIT_PER_MINUTE)
    expect(statuses.filter((status) => status === 429)).toHaveLength(2 * LOGIN_LIMIT_PER_MINUTE)
    expect(await countRows(testDb.db, 'sessions')).toBe(sessionsBefore + LOGIN_LIMIT_PER_MINUTE)
  })

  it('starts counting again once the minute has passed, on either instance', async () => {
    const address = '198.51.100.40'
    for (let i = 0; i < LOGIN_LIMIT_PER_MINUTE; i++) await login(a, address, `o-window-${i}`)
    expect((await login(b, address, 'o-window-over')).statusCode).toBe(429)
    now += 59_999
    expect((await login(b, address, 'o-window-still')).statusCode).toBe(429)
    now += 1
    expect((await login(b, address, 'o-window-next')).statusCode).toBe(200)
    expect((await login(a, address, 'o-window-next-2')).statusCode).toBe(200)
  })
})

describe('the database store', () => {
  const incr = (store: FastifyRateLimitStore, key: string, timeWindow = 1000) =>
    new Promise<{ current: number; ttl: number }>((resolve, reject) =>
      store.incr(key, (error, state) => (error ? reject(error) : resolve(state!)), timeWindow, 5),
    )
  const read = (store: FastifyRateLimitStore, key: string) =>
    new Promise<{ current: number; ttl: number }>((resolve, reject) =>
      (store as unknown as { read: FastifyRateLimitStore['incr'] }).read(
        key,
        (error, state) => (error ? reject(error) : resolve(state!)),
        1000,
        5,
      ),
    )

  let clock = 1_000_000
  const Store = dbRateLimitStore(
    {
      query: (sql, params) => testDb.db.query(sql, params),
      exec: (sql) => testDb.db.exec(sql),
    },
    () => clock,
  )
  const routeStore = (url: string) =>
    new Store({} as never).child({ routeInfo: { method: 'GET', url } } as never) as FastifyRateLimitStore

  it('counts per route and key, with the time left in the window', async () => {
    const one = routeStore('/one')
    const two = routeStore('/two')
    expect(await incr(one, 'k')).toEqual({ current: 1, ttl: 1000 })
    clock += 250
    expect(await incr(one, 'k')).toEqual({ current: 2, ttl: 750 })
    expect(await incr(two, 'k')).toEqual({ current: 1, ttl: 1000 })
    expect(await incr(one, 'other')).toEqual({ current: 1, ttl: 1000 })
    expect(await read(one, 'k')).toEqual({ current: 2, ttl: 750 })
    expect(await read(one, 'k')).toEqual({ current: 2, ttl: 750 })
    clock += 750
    expect(await read(one, 'k')).toEqual({ current: 0, ttl: 0 })
    expect(await incr(one, 'k')).toEqual({ current: 1, ttl: 1000 })
  })

  it('deletes expired windows as it counts', async () => {
    const store = routeStore('/cleanup')
    clock += 10 * RATE_LIMIT_CLEANUP_EVERY_MS
    await incr(store, 'old-1')
    await incr(store, 'old-2')
    const rows = async () =>
      (await testDb.db.query<{ key: string }>(`select key from rate_limit_hits where key like 'GET /cleanup %'`)).rows
        .map((row) => row.key)
        .sort()
    clock += RATE_LIMIT_CLEANUP_EVERY_MS
    await incr(store, 'fresh')
    expect(await rows()).toEqual(['GET /cleanup fresh'])
  })

  it('refuses the plugin options it does not implement', () => {
    expect(() => new Store({} as never).child({ continueExceeding: true } as never)).toThrow(/continueExceeding/)
  })
})
