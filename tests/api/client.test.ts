import {
  createApiClient,
  type ApiClientOptions,
  type TransportRequest,
  type TransportResponse,
} from '../../src/api/client'
import { BusinessError, HttpError, NetworkError, TimeoutError, userMessage } from '../../src/api/errors'
import * as account from '../../src/contract/account/endpoints'

// The transport is the client's boundary with the network, so a scripted fake is the honest
// double here; tests/api/client.http.test.ts runs the same client against a real server.

type Step = TransportResponse | Error
const json = (status: number, body: unknown): TransportResponse => ({ status, headers: {}, body: JSON.stringify(body) })
const problem = (status: number, code: string, message: string) => json(status, { code, message })

function setup(steps: Step[], overrides: Partial<ApiClientOptions> = {}) {
  const requests: TransportRequest[] = []
  const delays: number[] = []
  let token: string | null = 'token-1'
  const onUnauthorized = jest.fn(async () => {
    token = 'token-2'
    return true
  })
  const client = createApiClient({
    baseUrl: 'https://api.example.cn',
    transport: async (request) => {
      requests.push(request)
      const step = steps.shift()
      if (!step) throw new Error('transport called more often than scripted')
      if (step instanceof Error) throw step
      return step
    },
    getToken: () => token,
    onUnauthorized,
    sleep: async (ms) => {
      delays.push(ms)
    },
    random: () => 0.5,
    ...overrides,
  })
  return { client, requests, delays, onUnauthorized, setToken: (t: string | null) => (token = t) }
}

describe('responses', () => {
  it('returns the parsed JSON body and sends JSON with the bearer token', async () => {
    const { client, requests } = setup([json(200, { id: 'u1' })])
    await expect(
      client.request(account.updateConsent.method, account.updateConsent.path, {
        body: { accepted: true, version: 'v1' },
      }),
    ).resolves.toEqual({ id: 'u1' })
    expect(requests[0].url).toBe(`https://api.example.cn${account.updateConsent.path}`)
    expect(requests[0].method).toBe('PUT')
    expect(requests[0].headers.Authorization).toBe('Bearer token-1')
    expect(requests[0].headers['Content-Type']).toBe('application/json')
    expect(JSON.parse(requests[0].body!)).toEqual({ accepted: true, version: 'v1' })
    expect(requests[0].timeoutMs).toBe(10000)
  })

  it('accepts a body the platform already parsed, and an empty 204', async () => {
    const { client } = setup([
      { status: 200, headers: {}, body: [{ id: 'e1' }] },
      { status: 204, headers: {}, body: '' },
    ])
    await expect(client.request('GET', '/a')).resolves.toEqual([{ id: 'e1' }])
    await expect(client.request('POST', '/b')).resolves.toBeUndefined()
  })

  it('sends no Authorization header without a token, nor when auth is off', async () => {
    const { client, requests, setToken } = setup([json(200, {}), json(200, {})])
    await client.request(account.login.method, account.login.path, { body: {}, auth: false })
    setToken(null)
    await client.request(account.getHealth.method, account.getHealth.path)
    expect(requests.map((r) => r.headers.Authorization)).toEqual([undefined, undefined])
  })

  it('encodes query parameters and skips empty ones', async () => {
    const { client, requests } = setup([json(200, [])])
    await client.request('GET', '/api/v1/x', { query: { q: '郑州 公司', page: 2, empty: undefined } })
    expect(requests[0].url).toBe('https://api.example.cn/api/v1/x?q=%E9%83%91%E5%B7%9E%20%E5%85%AC%E5%8F%B8&page=2')
  })

  it('lets beforeRequest add headers', async () => {
    const { client, requests } = setup([json(200, {})], {
      beforeRequest: (r) => {
        r.headers['X-Enterprise-Id'] = 'e1'
      },
    })
    await client.request('GET', '/a')
    expect(requests[0].headers['X-Enterprise-Id']).toBe('e1')
  })
})

describe('error kinds', () => {
  it('BusinessError carries status, code, Chinese message and details', async () => {
    const body = { code: 'VALIDATION_FAILED', message: '请填写企业名称', details: [{ field: 'name', message: '必填' }] }
    const { client } = setup([json(400, body)])
    const error = await client.request('POST', '/a', { body: {} }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BusinessError)
    const business = error as BusinessError
    expect(business.name).toBe('BusinessError')
    expect([business.status, business.code, business.message]).toEqual([400, 'VALIDATION_FAILED', '请填写企业名称'])
    expect(business.details).toEqual([{ field: 'name', message: '必填' }])
    expect(userMessage(error)).toBe('请填写企业名称')
  })

  it('HttpError for a non-2xx without our body (gateway HTML)', async () => {
    const { client } = setup([{ status: 502, headers: {}, body: '<html>Bad Gateway</html>' }])
    const error = await client.request('POST', '/a').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HttpError)
    expect((error as HttpError).status).toBe(502)
    expect((error as HttpError).name).toBe('HttpError')
    expect(userMessage(error)).toBe('服务暂时不可用（HTTP 502），请稍后重试')
  })

  it('HttpError for a 2xx whose body is not JSON', async () => {
    const { client } = setup([{ status: 200, headers: {}, body: '{"id":' }])
    const error = await client.request('POST', '/a').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HttpError)
    expect((error as HttpError).status).toBe(200)
  })

  it('NetworkError and TimeoutError pass through from the transport', async () => {
    const { client } = setup([new NetworkError('offline'), new TimeoutError(10000)])
    const network = await client.request('POST', '/a').catch((e: unknown) => e)
    const timeout = await client.request('POST', '/a').catch((e: unknown) => e)
    expect(network).toBeInstanceOf(NetworkError)
    expect(userMessage(network)).toBe('网络连接失败，请检查网络后重试')
    expect(timeout).toBeInstanceOf(TimeoutError)
    expect((timeout as TimeoutError).timeoutMs).toBe(10000)
    expect(userMessage(timeout)).toBe('请求超时，请稍后重试')
  })

  it("maps a transport's failure shape {kind, message} to TimeoutError / NetworkError", async () => {
    const timeoutShape = Object.assign(new Error('request:fail timeout'), { kind: 'timeout' })
    const networkShape = Object.assign(new Error('request:fail -2'), { kind: 'network' })
    const { client } = setup([timeoutShape, networkShape])
    await expect(client.request('POST', '/a', { timeoutMs: 1234 })).rejects.toMatchObject({
      name: 'TimeoutError',
      timeoutMs: 1234,
    })
    await expect(client.request('POST', '/a')).rejects.toMatchObject({
      name: 'NetworkError',
      message: 'request:fail -2',
      cause: networkShape,
    })
  })

  it('wraps an untyped transport failure as NetworkError', async () => {
    const { client } = setup([new TypeError('fetch failed')])
    const error = await client.request('POST', '/a').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as NetworkError).cause).toBeInstanceOf(TypeError)
  })

  it('userMessage has a fallback for anything else', () => {
    expect(userMessage(new Error('boom'))).toBe('出现了意外错误，请稍后重试')
    expect(userMessage(new HttpError(404))).toBe('请求的内容不存在（HTTP 404）')
  })

  it("userMessage never names a request field: schema reasons are dropped, the rules' reasons kept", () => {
    const refusal = (details: { field: string; message: string }[]) =>
      new BusinessError(400, {
        code: 'VALIDATION_FAILED',
        message: `请求参数有误：${details.map((d) => d.message).join('；')}`,
        details,
      })
    expect(userMessage(refusal([{ field: 'id', message: '不支持的字段 id' }]))).toBe('提交的信息有误，请检查后重试')
    expect(
      userMessage(
        refusal([
          { field: 'typeCode', message: '缺少必填字段 typeCode' },
          { field: 'issuedOn', message: '发证日期不应早于 1950 年，请核对' },
        ]),
      ),
    ).toBe('发证日期不应早于 1950 年，请核对')
    expect(userMessage(refusal([{ field: 'issuedOn', message: '发证日期不应早于 1950 年，请核对' }]))).toBe(
      '请求参数有误：发证日期不应早于 1950 年，请核对',
    )
  })

  it('userMessage recognises an error by name, even from another bundled copy of errors.ts', () => {
    const foreign = Object.assign(new Error('x'), { name: 'TimeoutError', timeoutMs: 1 })
    expect(userMessage(foreign)).toBe('请求超时，请稍后重试')
  })
})

describe('GET retries', () => {
  it('retries a network error, then succeeds, with growing delays', async () => {
    const { client, requests, delays } = setup([new NetworkError(), new TimeoutError(10000), json(200, { ok: true })])
    await expect(client.request('GET', '/a')).resolves.toEqual({ ok: true })
    expect(requests).toHaveLength(3)
    expect(delays).toEqual([225, 450]) // step/2 + 0.5 * step/2 with steps 300, 600
  })

  it('bounds the delay by maxDelayMs, and jitter stays inside [step/2, step]', async () => {
    const failures = Array.from({ length: 7 }, () => new NetworkError())
    const low = setup([...failures], { retry: { attempts: 7, baseDelayMs: 300, maxDelayMs: 1000 }, random: () => 0 })
    await expect(low.client.request('GET', '/a')).rejects.toBeInstanceOf(NetworkError)
    expect(low.delays).toEqual([150, 300, 500, 500, 500, 500])
    const high = setup([...failures], {
      retry: { attempts: 7, baseDelayMs: 300, maxDelayMs: 1000 },
      random: () => 0.999,
    })
    await expect(high.client.request('GET', '/a')).rejects.toBeInstanceOf(NetworkError)
    expect(Math.max(...high.delays)).toBeLessThanOrEqual(1000)
    expect(high.requests).toHaveLength(7)
  })

  it.each([400, 404, 500])('does not retry a %i', async (status) => {
    const { client, requests, delays } = setup([problem(status, 'NOT_FOUND', '未找到'), json(200, {})])
    await expect(client.request('GET', '/a')).rejects.toBeInstanceOf(BusinessError)
    expect(requests).toHaveLength(1)
    expect(delays).toEqual([])
  })

  it('retries a 503 up to the limit, then throws it', async () => {
    const { client, requests, delays } = setup([json(503, {}), json(503, {}), json(503, {}), json(200, {})])
    const error = await client.request('GET', '/a').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HttpError)
    expect((error as HttpError).status).toBe(503)
    expect(requests).toHaveLength(3)
    expect(delays).toHaveLength(2)
  })

  it('recovers when a 502 is followed by a 200', async () => {
    const { client, requests } = setup([json(502, {}), json(200, { ok: 1 })])
    await expect(client.request('GET', '/a')).resolves.toEqual({ ok: 1 })
    expect(requests).toHaveLength(2)
  })
})

describe('writes', () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE'] as const)(
    'never retries a %s, not even on a network error or 503',
    async (method) => {
      const { client, requests, delays } = setup([new NetworkError(), json(200, {})])
      await expect(client.request(method, '/a', { body: {} })).rejects.toBeInstanceOf(NetworkError)
      const second = setup([json(503, {}), json(200, {})])
      await expect(second.client.request(method, '/a')).rejects.toBeInstanceOf(HttpError)
      expect([requests.length, second.requests.length, delays.length]).toEqual([1, 1, 0])
    },
  )

  it('carries a fresh Idempotency-Key per call on writes, none on GETs', async () => {
    const { client, requests } = setup([json(200, {}), json(200, {}), json(200, {})])
    await client.request('POST', '/a')
    await client.request('POST', '/a')
    await client.request('GET', '/a')
    const [first, second, read] = requests.map((r) => r.headers['Idempotency-Key'])
    expect(first).toMatch(/^[0-9a-f-]{36}$/)
    expect(second).toMatch(/^[0-9a-f-]{36}$/)
    expect(first).not.toBe(second)
    expect(read).toBeUndefined()
  })

  it("reuses the caller's key", async () => {
    const { client, requests } = setup([new NetworkError(), json(200, {})])
    await client.request('POST', '/a', { idempotencyKey: 'form-42' }).catch(() => undefined)
    await client.request('POST', '/a', { idempotencyKey: 'form-42' })
    expect(requests.map((r) => r.headers['Idempotency-Key'])).toEqual(['form-42', 'form-42'])
  })

  it('uses the injected key generator', async () => {
    const { client, requests } = setup([json(200, {})], { newIdempotencyKey: () => 'k-1' })
    await client.request('DELETE', '/a')
    expect(requests[0].headers['Idempotency-Key']).toBe('k-1')
  })
})

describe('401', () => {
  const expired = () => problem(401, 'SESSION_EXPIRED', '登录已过期，请重新登录')

  it('re-logs-in once and replays the write with the new token and the same key', async () => {
    const { client, requests, onUnauthorized } = setup([expired(), json(200, { done: true })])
    await expect(client.request('POST', '/a', { body: { x: 1 } })).resolves.toEqual({ done: true })
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
    expect(requests.map((r) => r.headers.Authorization)).toEqual(['Bearer token-1', 'Bearer token-2'])
    expect(requests[1].headers['Idempotency-Key']).toBe(requests[0].headers['Idempotency-Key'])
    expect(requests[1].body).toBe(requests[0].body)
  })

  it('throws the BusinessError on a second 401 without asking again', async () => {
    const { client, requests, onUnauthorized } = setup([expired(), expired(), json(200, {})])
    const error = await client.request('GET', '/a').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BusinessError)
    expect((error as BusinessError).code).toBe('SESSION_EXPIRED')
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
    expect(requests).toHaveLength(2)
  })

  it('throws when onUnauthorized returns false (or fails), without replaying', async () => {
    const refused = setup([expired(), json(200, {})], { onUnauthorized: async () => false })
    await expect(refused.client.request('GET', '/a')).rejects.toMatchObject({ name: 'BusinessError', status: 401 })
    expect(refused.requests).toHaveLength(1)
    const broken = setup([expired(), json(200, {})], { onUnauthorized: () => Promise.reject(new Error('no code')) })
    await expect(broken.client.request('GET', '/a')).rejects.toMatchObject({ name: 'BusinessError', status: 401 })
    expect(broken.requests).toHaveLength(1)
  })

  it('does not re-log-in for calls with auth off (login itself)', async () => {
    const { client, onUnauthorized } = setup([problem(401, 'LOGIN_CODE_INVALID', '登录凭证无效')])
    await expect(client.request(account.login.method, account.login.path, { auth: false })).rejects.toMatchObject({
      code: 'LOGIN_CODE_INVALID',
    })
    expect(onUnauthorized).not.toHaveBeenCalled()
  })

  it('shares one re-login between concurrent 401s', async () => {
    let release!: (v: boolean) => void
    const onUnauthorized = jest.fn(() => new Promise<boolean>((resolve) => (release = resolve)))
    const { client, requests } = setup([expired(), expired(), json(200, 1), json(200, 2)], { onUnauthorized })
    const both = Promise.all([client.request('GET', '/a'), client.request('GET', '/b')])
    await new Promise((r) => setTimeout(r, 0))
    release(true)
    await expect(both).resolves.toEqual([1, 2])
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
    expect(requests).toHaveLength(4)
  })
})
