import Taro from '@tarojs/taro'
import type { HttpMethod, TransportRequest, TransportResponse } from '../api/client'
import { platform, type Platform } from './env'

// The transport contract is the API client's (src/api/client.ts); platform takes its types
// with `import type` only, so no client code is pulled below its layer.
export type { HttpMethod }
export type HttpRequest = TransportRequest
export type HttpResponse = TransportResponse

/** Rejected with when no response arrived; the client maps `kind` to TimeoutError / NetworkError. */
export class RequestFailedError extends Error {
  readonly name = 'RequestFailedError' as const
  constructor(
    readonly kind: 'timeout' | 'network',
    message: string,
    cause?: unknown,
  ) {
    super(message)
    if (cause !== undefined) this.cause = cause
  }
}

/** What a failed Taro.request rejects with, across the three platforms. */
interface NativeFailure {
  errMsg?: string
  message?: string
  name?: string
  /** Alipay: 12 network, 13 timeout, 14 decode, 19 HTTP status, 20 aborted. */
  error?: number
  errorMessage?: string
  status?: number
  statusCode?: number
  headers?: Record<string, string>
  header?: Record<string, string>
  data?: unknown
}

interface FailureRules {
  isTimeout: (failure: NativeFailure) => boolean
  /** Some platforms fail the call for a non-2xx status although a response arrived. */
  asResponse: (failure: NativeFailure) => HttpResponse | null
}

const FAILURE_RULES: Record<Platform, FailureRules> = {
  // WeChat resolves for every HTTP status; fail means no response. A timeout reads
  // "request:fail timeout" (or a Cronet "...TIMED_OUT" on Android).
  weapp: {
    isTimeout: (f) => /time(d)?[\s_]?out/i.test(f.errMsg ?? ''),
    asResponse: () => null,
  },
  // my.request fails with error 19 for a non-2xx status; newer clients attach status/data/headers.
  // Taro's alipay plugin renames status→statusCode on success only, so fail keeps `status`.
  // https://opendocs.alipay.com/mini/api/owycmh
  alipay: {
    isTimeout: (f) => f.error === 13,
    asResponse: (f) => {
      const status = f.status ?? f.statusCode
      if (f.error !== 19 || typeof status !== 'number') return null
      return { status, headers: f.headers ?? f.header ?? {}, body: f.data }
    },
  },
  // Taro H5 is fetch + an AbortController it fires on `timeout`, so a timeout is an AbortError;
  // fetch itself rejects with TypeError when offline or blocked by CORS.
  h5: {
    isTimeout: (f) => f.name === 'AbortError',
    asResponse: () => null,
  },
}

const rules = FAILURE_RULES[platform]

/** The api client's transport on Taro.request (wx.request / my.request / fetch). */
export async function taroTransport(request: HttpRequest): Promise<HttpResponse> {
  try {
    const response = await Taro.request({
      url: request.url,
      method: request.method,
      header: request.headers,
      // Always a string: Alipay documents JSON-encoding an object body only for POST, and has
      // no PATCH method at all — keep the API on GET/POST/PUT/DELETE.
      data: request.body,
      timeout: request.timeoutMs,
      // Text, parsed by the client: WeChat silently hands back a string for bad JSON, Alipay
      // fails with error 14, H5 gives null — one parser gives one behaviour everywhere.
      dataType: 'text',
      responseType: 'text',
    })
    return { status: response.statusCode, headers: response.header ?? {}, body: response.data }
  } catch (raw) {
    const failure = (raw ?? {}) as NativeFailure
    const response = rules.asResponse(failure)
    if (response) return response
    const message = failure.errMsg ?? failure.errorMessage ?? failure.message ?? 'request failed'
    throw new RequestFailedError(rules.isTimeout(failure) ? 'timeout' : 'network', message, raw)
  }
}
