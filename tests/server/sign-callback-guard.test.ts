import { createServer, type AddressInfo, type Server } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { ConfigError, loadConfig } from '../../server/kernel/config'
import type { Resolver } from '../../server/kernel/http/outbound-url'
import { buildApp } from '../../server/app'
import { countRows, expectError, openTestDb, testConfig, type TestDb } from './helpers'
import { startFakeHttpServer } from './fake-http-server'
import { buildSealApp, createTask, DOC_SM3, signingFixture, type SigningFixture } from './seal-test-app'

/**
 * Sign-task callbacks never reach inside: refused at registration, checked again at each attempt
 * against the address actually connected to, no redirects, a size cap. No test here sends
 * anything beyond this machine: public addresses only ever come from the fake resolver, and the
 * tests that get that far stop before connecting.
 */

const PUBLIC = '93.184.216.34'

let testDb: TestDb
/** As in production: https only, public addresses only. */
let app: FastifyInstance
/** CALLBACK_ALLOW_PRIVATE, as tests and local development use it: receivers on this machine. */
let local: FastifyInstance
let fx: SigningFixture
/** What the fake resolver answers, by host name; tests change it between registration and send. */
let dns: Record<string, string[]> = {}

const fakeResolver: Resolver = async (hostname) => {
  const addresses = dns[hostname]
  if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' })
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
}

beforeAll(async () => {
  testDb = await openTestDb()
  app = await buildSealApp(testDb.db)
  local = await buildSealApp(testDb.db, {
    config: { signing: { ...testConfig().signing, callbackAllowPrivate: true } },
  })
  for (const each of [app, local]) {
    each.signing.callbacks.resolve = fakeResolver
    // One attempt per task: each test decides what happens to it.
    each.signing.callbacks.retryDelaysMs = [0]
  }
  fx = await signingFixture(app, testDb.db)
})
afterAll(async () => {
  await app.close()
  await local.close()
  await testDb.close()
})
beforeEach(async () => {
  dns = {}
  await testDb.db.query('update systems set callback_hosts = null where id = $1', [fx.systemId])
})

function register(on: FastifyInstance, callbackUrl: string) {
  return createTask(on, fx.system, {
    enterpriseUscc: fx.ruifengUscc,
    signers: [{ sealType: 'contract' }],
    documentName: '采购合同',
    documentSm3: DOC_SM3,
    callbackUrl,
  })
}

/** Makes the task final (expired, as the sweep would) and runs its one callback attempt. */
async function finishAndCall(on: FastifyInstance, taskId: string): Promise<string | null> {
  await testDb.db.query(
    `update sign_tasks set status = 'expired', finished_at = now(), callback_state = 'pending', callback_next_at = now()
     where id = $1`,
    [taskId],
  )
  await on.signing.callbacks.attempt(taskId)
  const { rows } = await testDb.db.query<{ callback_state: string }>(
    'select callback_state from sign_tasks where id = $1',
    [taskId],
  )
  return rows[0].callback_state
}

/** A TCP listener that only counts who connects (anything that reaches it got through). */
async function connectionCounter(
  host = '127.0.0.1',
): Promise<{ port: number; count(): number; close(): Promise<void> }> {
  let connections = 0
  const server: Server = createServer((socket) => {
    connections++
    socket.destroy()
  })
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  return {
    port: (server.address() as AddressInfo).port,
    count: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

describe('registering a callbackUrl', () => {
  it.each([
    'https://127.0.0.1/hook',
    'https://localhost:6379/',
    'https://169.254.169.254/latest/meta-data/',
    'https://[::1]/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://[fd00:ec2::254]/latest/meta-data/',
    'https://10.0.0.8/hook',
    'https://192.168.1.1/hook',
    'https://100.100.100.200/latest/meta-data/',
    'https://2130706433/hook',
  ])('refuses %s with CALLBACK_URL_FORBIDDEN, writing nothing', async (callbackUrl) => {
    dns = { localhost: ['127.0.0.1'] }
    const before = await countRows(testDb.db, 'sign_tasks')
    const response = await register(app, callbackUrl)
    expectError(response, 400, 'CALLBACK_URL_FORBIDDEN')
    expect(response.json().message).toBe(
      '回调地址不能指向本机、内网、链路本地、组播或云服务器元数据地址，请使用公网可访问的 https 地址',
    )
    expect(await countRows(testDb.db, 'sign_tasks')).toBe(before)
  })

  it('refuses a name that resolves inside, or not at all, and plain http', async () => {
    dns = { 'hooks.example.cn': [PUBLIC, '10.0.0.8'] }
    expectError(await register(app, 'https://hooks.example.cn/sign'), 400, 'CALLBACK_URL_FORBIDDEN')
    const unknown = await register(app, 'https://nowhere.example.cn/sign')
    expectError(unknown, 400, 'CALLBACK_URL_FORBIDDEN')
    expect(unknown.json().message).toBe('回调地址的域名无法解析，请使用公网可访问的 https 地址')
    dns = { 'hooks.example.cn': [PUBLIC] }
    expectError(await register(app, 'http://hooks.example.cn/sign'), 400, 'VALIDATION_FAILED')
    expectError(await register(app, 'https://user:pw@hooks.example.cn/sign'), 400, 'VALIDATION_FAILED')
  })

  it('accepts a public https host', async () => {
    dns = { 'hooks.example.cn': [PUBLIC] }
    expect((await register(app, 'https://hooks.example.cn/sign')).statusCode).toBe(201)
  })

  it("keeps to the system's host allowlist", async () => {
    dns = { 'hooks.example.cn': [PUBLIC], 'other.example.cn': [PUBLIC] }
    await testDb.db.query(`update systems set callback_hosts = array['hooks.example.cn'] where id = $1`, [fx.systemId])
    expect((await register(app, 'https://hooks.example.cn/sign')).statusCode).toBe(201)
    const other = await register(app, 'https://other.example.cn/sign')
    expectError(other, 400, 'CALLBACK_URL_FORBIDDEN')
    expect(other.json().message).toBe('回调地址的域名不在本系统登记的回调域名白名单内，请联系平台管理员')
    // Even listed, a host that resolves inside is refused.
    dns = { 'hooks.example.cn': ['127.0.0.1'] }
    expectError(await register(app, 'https://hooks.example.cn/sign'), 400, 'CALLBACK_URL_FORBIDDEN')
  })
})

describe('sending a callback', () => {
  it('refuses at send time a name that resolved outside at registration and inside now', async () => {
    // 'localhost' is what the machine's own DNS answers 127.0.0.1 for: code that re-resolved
    // with the system resolver, or did not check at send time, would connect to the listener.
    const listener = await connectionCounter()
    try {
      dns = { localhost: [PUBLIC] }
      const created = await register(app, `https://localhost:${listener.port}/sign`)
      expect(created.statusCode).toBe(201)
      dns = { localhost: ['127.0.0.1'] }
      expect(await finishAndCall(app, created.json().taskId)).toBe('failed')
      expect(listener.count()).toBe(0)
    } finally {
      await listener.close()
    }
  })

  it('refuses at send time a host taken off the allowlist since registration', async () => {
    const listener = await connectionCounter()
    try {
      const created = await register(local, `http://127.0.0.1:${listener.port}/sign`)
      expect(created.statusCode).toBe(201)
      await testDb.db.query(`update systems set callback_hosts = array['hooks.example.cn'] where id = $1`, [
        fx.systemId,
      ])
      expect(await finishAndCall(local, created.json().taskId)).toBe('failed')
      expect(listener.count()).toBe(0)
    } finally {
      await listener.close()
    }
  })

  it('connects to the address it checked, not to what the name resolves to later', async () => {
    // The receiver listens on 127.0.0.2; the machine's DNS says localhost is 127.0.0.1.
    const receiver = await startFakeHttpServer((_request, response) => response.end('ok'), '127.0.0.2')
    try {
      dns = { localhost: ['127.0.0.2'] }
      const port = new URL(receiver.baseUrl).port
      const created = await register(local, `http://localhost:${port}/sign`)
      expect(created.statusCode).toBe(201)
      expect(await finishAndCall(local, created.json().taskId)).toBe('delivered')
      expect(receiver.requests).toHaveLength(1)
      expect(receiver.requests[0].headers.host).toBe(`localhost:${port}`)
    } finally {
      await receiver.close()
    }
  })

  it('follows no redirect', async () => {
    const receiver = await startFakeHttpServer((request, response) => {
      if (request.url.pathname === '/moved') return response.end('ok')
      response.writeHead(302, { location: '/moved' })
      response.end()
    })
    try {
      const created = await register(local, `${receiver.baseUrl}/sign`)
      expect(await finishAndCall(local, created.json().taskId)).toBe('failed')
      expect(receiver.requests.map((request) => request.url.pathname)).toEqual(['/sign'])
    } finally {
      await receiver.close()
    }
  })

  it('reads at most the size cap of the answer, then hangs up', async () => {
    let hungUp = false
    const receiver = await startFakeHttpServer((_request, response) => {
      // An answer that never ends: a client that reads it all waits until its timeout.
      response.writeHead(200, { 'content-type': 'text/plain' })
      const chunk = Buffer.alloc(16 * 1024, 0x61)
      const pump = () => {
        while (!response.destroyed && response.write(chunk)) {
          // keep writing until the socket pushes back
        }
        if (!response.destroyed) response.once('drain', pump)
      }
      response.on('close', () => {
        hungUp = true
      })
      pump()
    })
    const timeoutMs = local.signing.callbacks.limits.timeoutMs
    // A timeout far beyond the test's own: only the size cap can end this attempt in time.
    local.signing.callbacks.limits.timeoutMs = 60_000
    try {
      const created = await register(local, `${receiver.baseUrl}/sign`)
      expect(await finishAndCall(local, created.json().taskId)).toBe('delivered')
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(hungUp).toBe(true)
    } finally {
      local.signing.callbacks.limits.timeoutMs = timeoutMs
      await receiver.close()
    }
  })
})

describe('the local-receiver switch', () => {
  it('is off by default and refused in production', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).signing.callbackAllowPrivate).toBe(false)
    expect(loadConfig({ NODE_ENV: 'development' }).signing.callbackAllowPrivate).toBe(false)
    expect(loadConfig({ NODE_ENV: 'test', CALLBACK_ALLOW_PRIVATE: '1' }).signing.callbackAllowPrivate).toBe(true)
    expect(() => loadConfig({ NODE_ENV: 'production', CALLBACK_ALLOW_PRIVATE: '1' })).toThrow(ConfigError)
    const production = testConfig({ nodeEnv: 'production', sandbox: false })
    expect(() =>
      buildApp({
        db: testDb.db,
        config: {
          ...production,
          signing: {
            ...production.signing,
            sealMasterKey: Buffer.alloc(32, 1).toString('base64'),
            idHashSecret: 'x'.repeat(32),
            callbackAllowPrivate: true,
          },
        },
      }),
    ).toThrow(ConfigError)
  })
})
