import { runInNewContext } from 'node:vm'
import { SERVICE_WORKER_CACHE, SERVICE_WORKER_SOURCE } from '../../server/kernel/http/service-worker'

/**
 * The worker's source run in a fake ServiceWorkerGlobalScope: an in-memory Cache Storage and a
 * fetch that answers from `network` (or fails, offline).
 */
function loadWorker() {
  const stores = new Map<string, Map<string, Response>>()
  const network = { online: true, requests: [] as string[] }
  const keyOf = (request: Request | string) =>
    typeof request === 'string' ? new URL(request, ORIGIN).href : request.url
  const cacheFor = (name: string) => {
    const entries = stores.get(name) ?? new Map<string, Response>()
    stores.set(name, entries)
    return {
      match: async (request: Request | string) => entries.get(keyOf(request))?.clone(),
      put: async (request: Request | string, response: Response) => void entries.set(keyOf(request), response),
      add: async (request: Request | string) => {
        const response = await fakeFetch(request)
        if (!response.ok) throw new TypeError('bad status')
        entries.set(keyOf(request), response)
      },
      keys: async () => [...entries.keys()],
    }
  }
  const fakeFetch = async (request: Request | string) => {
    const url = keyOf(request)
    network.requests.push(url)
    if (!network.online) throw new TypeError('Failed to fetch')
    return new Response(`body of ${new URL(url).pathname}`, { status: 200 })
  }
  const listeners: Record<string, (event: unknown) => void> = {}
  const self = {
    location: { href: `${ORIGIN}/sw.js`, origin: ORIGIN },
    addEventListener: (type: string, listener: (event: unknown) => void) => (listeners[type] = listener),
    skipWaiting: async () => undefined,
    clients: { claim: async () => undefined },
  }
  const caches = {
    open: async (name: string) => cacheFor(name),
    keys: async () => [...stores.keys()],
    delete: async (name: string) => stores.delete(name),
  }
  runInNewContext(SERVICE_WORKER_SOURCE, { self, caches, fetch: fakeFetch, URL, Promise })

  async function lifecycle(type: 'install' | 'activate') {
    let done: Promise<unknown> = Promise.resolve()
    listeners[type]({ waitUntil: (promise: Promise<unknown>) => (done = promise) })
    await done
  }
  /** What the worker answers for a GET, or null when it leaves the request to the browser. */
  async function get(path: string, mode: RequestMode = 'no-cors'): Promise<string | null> {
    let answer: Promise<Response> | null = null
    listeners.fetch({
      request: { url: `${ORIGIN}${path}`, method: 'GET', mode },
      respondWith: (response: Promise<Response>) => (answer = response),
    })
    if (answer === null) return null
    return (await (answer as Promise<Response>)).text()
  }
  async function keep(urls: string[]) {
    let done: Promise<unknown> = Promise.resolve()
    listeners.message({ data: { type: 'keep', urls }, waitUntil: (promise: Promise<unknown>) => (done = promise) })
    await done
  }
  const cached = async () => [...(stores.get(SERVICE_WORKER_CACHE)?.keys() ?? [])].map((url) => new URL(url).pathname)
  return { network, lifecycle, get, keep, cached, stores }
}

const ORIGIN = 'https://zqt.example.cn'

test('install keeps index.html; activate drops the caches of older workers', async () => {
  const worker = loadWorker()
  worker.stores.set('zqt-h5-v0', new Map())
  await worker.lifecycle('install')
  await worker.lifecycle('activate')
  expect(await worker.cached()).toEqual(['/'])
  expect([...worker.stores.keys()]).toEqual([SERVICE_WORKER_CACHE])
})

test('hashed files: cache first, so once fetched they load with no network', async () => {
  const worker = loadWorker()
  expect(await worker.get('/js/257.a0f25fa5.js')).toBe('body of /js/257.a0f25fa5.js')
  worker.network.online = false
  worker.network.requests.length = 0
  expect(await worker.get('/js/257.a0f25fa5.js')).toBe('body of /js/257.a0f25fa5.js')
  expect(worker.network.requests).toEqual([])
  // Never fetched: offline it fails, as the app expects (it then shows 页面未能打开 with 重试).
  await expect(worker.get('/js/99.0badf00d.js')).rejects.toThrow('Failed to fetch')
})

test('index.html: network first (a new build shows at once), the kept copy only offline', async () => {
  const worker = loadWorker()
  await worker.lifecycle('install')
  worker.network.requests.length = 0
  expect(await worker.get('/', 'navigate')).toBe('body of /')
  expect(worker.network.requests).toEqual([`${ORIGIN}/`])
  worker.network.online = false
  expect(await worker.get('/', 'navigate')).toBe('body of /')
})

test('the API, other origins, unhashed files and other navigations are left to the browser', async () => {
  const worker = loadWorker()
  expect(await worker.get('/api/v1/me')).toBeNull()
  expect(await worker.get('/api/v1/licences/a.0123abcd.ics')).toBeNull()
  expect(await worker.get('/favicon.ico')).toBeNull()
  expect(await worker.get('/s/abc', 'navigate')).toBeNull()
  expect(await worker.cached()).toEqual([])
})

test('the page may ask it to keep hashed files it loaded before the worker took over, and nothing else', async () => {
  const worker = loadWorker()
  await worker.keep([
    `${ORIGIN}/js/app.ec19b5dc.js`,
    `${ORIGIN}/css/app.f8246f6b.css`,
    `${ORIGIN}/api/v1/me`,
    'https://elsewhere.example.com/js/x.01234567.js',
  ])
  expect((await worker.cached()).sort()).toEqual(['/css/app.f8246f6b.css', '/js/app.ec19b5dc.js'])
})
