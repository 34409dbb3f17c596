import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createApiClient, type ApiClientOptions, type Transport } from '../../src/api/client'
import { BusinessError, HttpError, NetworkError, TimeoutError } from '../../src/api/errors'
import { getMe } from '../../src/api/me/getMe'
import * as account from '../../src/contract/account/endpoints'

// The client against a real HTTP server on 127.0.0.1, through a fetch transport like Taro H5's:
// real sockets, real timeouts, real bytes on the wire. Like src/platform/request.ts, it reports
// "no response" as a {kind, message} failure and leaves typing the error to the client.

const fetchTransport: Transport = async (request) => {
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(request.timeoutMs),
    })
    const headers: Record<string, string> = {}
    response.headers.forEach((value, key) => (headers[key] = value))
    return { status: response.status, headers, body: await response.text() }
  } catch (error) {
    const { name, message } = error as Error
    throw Object.assign(new Error(message), {
      kind: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network',
      cause: error,
    })
  }
}

type Handler = (req: IncomingMessage, res: ServerResponse, body: string, hit: number) => void
const routes = new Map<string, Handler>()
const hits = new Map<string, number>()
let server: Server
let baseUrl: string

function send(res: ServerResponse, status: number, body: string, type = 'application/json') {
  res.writeHead(status, { 'Content-Type': type })
  res.end(body)
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      const path = req.url ?? ''
      const hit = (hits.get(path) ?? 0) + 1
      hits.set(path, hit)
      const handler = routes.get(path)
      if (handler) handler(req, res, body, hit)
      else send(res, 404, JSON.stringify({ code: 'NOT_FOUND', message: '接口不存在' }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

beforeEach(() => {
  routes.clear()
  hits.clear()
})

function client(overrides: Partial<ApiClientOptions> = {}) {
  return createApiClient({
    baseUrl,
    transport: fetchTransport,
    getToken: () => 'real-token',
    onUnauthorized: async () => false,
    sleep: async () => undefined,
    ...overrides,
  })
}

it('GETs JSON with the bearer token over a real socket', async () => {
  routes.set(account.getMe.path, (req, res) => {
    if (req.headers.authorization !== 'Bearer real-token')
      return send(res, 401, JSON.stringify({ code: 'UNAUTHORIZED', message: '请先登录' }))
    send(res, 200, JSON.stringify({ id: 'u1', name: '张建国' }))
  })
  await expect(getMe(client())).resolves.toMatchObject({ id: 'u1', name: '张建国' })
})

it('POSTs a JSON body with an Idempotency-Key', async () => {
  let seen: { body: unknown; key?: string | string[]; type?: string } | undefined
  routes.set('/echo', (req, res, body) => {
    seen = { body: JSON.parse(body), key: req.headers['idempotency-key'], type: req.headers['content-type'] }
    send(res, 201, JSON.stringify({ ok: true }))
  })
  await expect(client().request('POST', '/echo', { body: { name: '郑州市某某科技有限公司' } })).resolves.toEqual({
    ok: true,
  })
  expect(seen?.body).toEqual({ name: '郑州市某某科技有限公司' })
  expect(seen?.type).toBe('application/json')
  expect(typeof seen?.key).toBe('string')
})

it('times out against a server that never answers, retrying the GET within the bound', async () => {
  routes.set('/hang', () => undefined)
  const started = Date.now()
  const error = await client({ timeoutMs: 150 })
    .request('GET', '/hang')
    .catch((e: unknown) => e)
  expect(error).toBeInstanceOf(TimeoutError)
  expect((error as TimeoutError).timeoutMs).toBe(150)
  expect(hits.get('/hang')).toBe(3)
  expect(Date.now() - started).toBeLessThan(3000)
})

it('does not retry a write that timed out', async () => {
  routes.set('/hang-write', () => undefined)
  await expect(client({ timeoutMs: 150 }).request('POST', '/hang-write', { body: {} })).rejects.toBeInstanceOf(
    TimeoutError,
  )
  expect(hits.get('/hang-write')).toBe(1)
})

it('turns malformed JSON into HttpError, on success and on failure statuses', async () => {
  routes.set('/broken', (_req, res) => send(res, 200, '{"id": "u1",'))
  routes.set('/html', (_req, res) => send(res, 500, '<h1>Internal Server Error</h1>', 'text/html'))
  const broken = await client()
    .request('GET', '/broken')
    .catch((e: unknown) => e)
  expect(broken).toBeInstanceOf(HttpError)
  expect((broken as HttpError).status).toBe(200)
  const html = await client()
    .request('GET', '/html')
    .catch((e: unknown) => e)
  expect(html).toBeInstanceOf(HttpError)
  expect((html as HttpError).status).toBe(500)
  expect(hits.get('/html')).toBe(1)
})

it('retries a 503 and returns the 200 that follows', async () => {
  routes.set('/flaky', (_req, res, _body, hit) =>
    hit === 1 ? send(res, 503, 'Service Unavailable', 'text/plain') : send(res, 200, JSON.stringify({ hit })),
  )
  await expect(client().request('GET', '/flaky')).resolves.toEqual({ hit: 2 })
  expect(hits.get('/flaky')).toBe(2)
})

it('maps the server error body to BusinessError', async () => {
  const error = await client()
    .request('GET', '/nowhere')
    .catch((e: unknown) => e)
  expect(error).toBeInstanceOf(BusinessError)
  expect((error as BusinessError).code).toBe('NOT_FOUND')
  expect((error as BusinessError).message).toBe('接口不存在')
})

it('replays after a 401 once the silent re-login gave a new token', async () => {
  let token = 'old'
  routes.set('/secure', (req, res) =>
    req.headers.authorization === 'Bearer new'
      ? send(res, 200, JSON.stringify({ ok: true }))
      : send(res, 401, JSON.stringify({ code: 'SESSION_EXPIRED', message: '登录已过期' })),
  )
  const api = client({
    getToken: () => token,
    onUnauthorized: async () => {
      token = 'new'
      return true
    },
  })
  await expect(api.request('PUT', '/secure', { body: {} })).resolves.toEqual({ ok: true })
  expect(hits.get('/secure')).toBe(2)
})

it('reports NetworkError when nothing listens on the port', async () => {
  const closed = createServer()
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
  const port = (closed.address() as AddressInfo).port
  await new Promise((resolve) => closed.close(resolve))
  const error = await client({ baseUrl: `http://127.0.0.1:${port}` })
    .request('POST', '/x')
    .catch((e: unknown) => e)
  expect(error).toBeInstanceOf(NetworkError)
})
