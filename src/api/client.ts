import { BusinessError, HttpError, isApiError, isApiErrorBody, NetworkError, TimeoutError } from './errors'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** What the client hands a transport: the body is already JSON text. */
export interface TransportRequest {
  url: string
  method: HttpMethod
  headers: Record<string, string>
  body?: string
  timeoutMs: number
}

/** `body` is the raw text (parsed here) or, if the platform already parsed it, the value. */
export interface TransportResponse {
  status: number
  headers: Record<string, string>
  body: unknown
}

/**
 * How a transport says that no response arrived. A shape, not a class: src/platform sits below
 * the API client and may not import it, so it throws its own error with this shape and the
 * client turns it into TimeoutError / NetworkError.
 */
export interface TransportFailure {
  kind: 'timeout' | 'network'
  message: string
}

/**
 * Sends one HTTP request. Resolves for ANY status; rejects only when no response arrived, with
 * a TransportFailure (or NetworkError / TimeoutError; anything else counts as a network failure).
 * Each platform supplies one (src/platform/request.ts); tests pass a fake or a fetch-based one.
 */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>

export interface RetryPolicy {
  /** Total tries for a GET, including the first. */
  attempts: number
  baseDelayMs: number
  maxDelayMs: number
}

export interface ApiClientOptions {
  baseUrl: string
  transport: Transport
  getToken: () => string | null | undefined
  /** Called on a 401 (at most once per call, shared by concurrent calls): re-login silently; true if a new token is available. */
  onUnauthorized: () => Promise<boolean>
  /** Last chance to add headers (enterprise id, trace id) before each attempt. */
  beforeRequest?: (request: TransportRequest) => void | Promise<void>
  timeoutMs?: number
  retry?: RetryPolicy
  sleep?: (ms: number) => Promise<void>
  /** Jitter source in [0, 1). */
  random?: () => number
  newIdempotencyKey?: () => string
}

export interface RequestOptions {
  body?: unknown
  query?: Record<string, string | number | boolean | null | undefined>
  /** Reuse the caller's key (e.g. a form re-submitted after a failure) so the server dedupes it. */
  idempotencyKey?: string
  /** false for calls that must not send a token nor trigger the 401 re-login (login itself). */
  auth?: boolean
  timeoutMs?: number
}

export interface ApiClient {
  request<T>(method: HttpMethod, path: string, options?: RequestOptions): Promise<T>
}

/** A logical call, fixed before the first attempt; each attempt adds the current token. */
interface PreparedCall {
  request: TransportRequest
  auth: boolean
}

const RETRYABLE_STATUSES = new Set([502, 503, 504])
const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 300, maxDelayMs: 3000 }
const MALFORMED = Symbol('malformed JSON')

export function createApiClient(options: ApiClientOptions): ApiClient {
  const {
    baseUrl,
    transport,
    getToken,
    onUnauthorized,
    beforeRequest,
    timeoutMs: defaultTimeoutMs = 10000,
    retry = DEFAULT_RETRY,
    sleep = (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    random = Math.random,
    newIdempotencyKey = randomKey,
  } = options

  // Concurrent 401s share one silent re-login instead of each starting their own.
  let reauthorizing: Promise<boolean> | null = null
  const reauthorize = () => {
    reauthorizing ??= onUnauthorized()
      .catch(() => false)
      .finally(() => {
        reauthorizing = null
      })
    return reauthorizing
  }

  // Equal jitter: half the exponential step is fixed so delays grow, half is random so many
  // phones recovering from one outage do not retry in lockstep.
  const backoff = (retryNumber: number) => {
    const step = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (retryNumber - 1))
    return Math.round(step / 2 + (random() * step) / 2)
  }

  // One attempt. The token is read each time so a replay after re-login carries the new one.
  async function send(call: PreparedCall): Promise<TransportResponse> {
    const request: TransportRequest = { ...call.request, headers: { ...call.request.headers } }
    const token = call.auth ? getToken() : null
    if (token) request.headers.Authorization = `Bearer ${token}`
    await beforeRequest?.(request)
    try {
      return await transport(request)
    } catch (error) {
      throw asTransportError(error, request.timeoutMs)
    }
  }

  // Only reads are retried: a write whose response was lost may have been applied, so
  // replaying it is the caller's decision (with the same Idempotency-Key).
  async function sendWithRetry(call: PreparedCall): Promise<TransportResponse> {
    const attempts = call.request.method === 'GET' ? Math.max(1, retry.attempts) : 1
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= attempts
      try {
        const response = await send(call)
        if (last || !RETRYABLE_STATUSES.has(response.status)) return response
      } catch (error) {
        if (last) throw error
      }
      await sleep(backoff(attempt))
    }
  }

  return {
    async request<T>(method: HttpMethod, path: string, requestOptions: RequestOptions = {}): Promise<T> {
      const { body, query, auth = true, timeoutMs = defaultTimeoutMs } = requestOptions
      const headers: Record<string, string> = { Accept: 'application/json' }
      if (body !== undefined) headers['Content-Type'] = 'application/json'
      if (method !== 'GET') headers['Idempotency-Key'] = requestOptions.idempotencyKey ?? newIdempotencyKey()
      const url = baseUrl + path + queryString(query)
      const payload = body === undefined ? undefined : JSON.stringify(body)
      const call: PreparedCall = { request: { url, method, headers, body: payload, timeoutMs }, auth }

      let response = await sendWithRetry(call)
      // The replay reuses `call`, so a write keeps its Idempotency-Key.
      if (response.status === 401 && auth && (await reauthorize())) response = await sendWithRetry(call)
      return interpret<T>(response)
    },
  }
}

function asTransportError(error: unknown, timeoutMs: number): NetworkError | TimeoutError {
  if (isApiError(error) && (error.name === 'NetworkError' || error.name === 'TimeoutError')) return error
  const failure = error as Partial<TransportFailure> | null
  if (failure?.kind === 'timeout') return new TimeoutError(timeoutMs)
  const message = typeof failure?.message === 'string' ? failure.message : 'transport failed'
  return new NetworkError(message, error)
}

function interpret<T>(response: TransportResponse): T {
  const body = parseBody(response.body)
  if (response.status >= 200 && response.status < 300) {
    if (body === MALFORMED) throw new HttpError(response.status, response.body)
    return body as T
  }
  if (isApiErrorBody(body)) throw new BusinessError(response.status, body)
  throw new HttpError(response.status, response.body)
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body ?? undefined
  if (body.trim() === '') return undefined
  try {
    return JSON.parse(body)
  } catch {
    return MALFORMED
  }
}

function queryString(query: RequestOptions['query']): string {
  if (!query) return ''
  const pairs = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  return pairs.length ? `?${pairs.join('&')}` : ''
}

// Mini-program engines have no crypto.randomUUID; an idempotency key needs uniqueness, not
// secrecy, so Math.random is an acceptable fallback there.
function randomKey(): string {
  const webCrypto = typeof crypto !== 'undefined' ? crypto : undefined
  if (webCrypto?.randomUUID) return webCrypto.randomUUID()
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const r = (Math.random() * 16) | 0
    return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16)
  })
}
