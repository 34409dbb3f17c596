import type { ApiErrorBody, ErrorCode } from '../contract/errors'

// One class per failure kind (after ky's source/errors): callers narrow on the literal `name`
// (or instanceof) instead of parsing messages. The client only throws; showing is the UI's job.

/** Thrown when the server answered non-2xx without an `{code, message}` body (a gateway page, an empty 502), or a 2xx that is not JSON. */
export class HttpError extends Error {
  readonly name = 'HttpError' as const
  constructor(
    readonly status: number,
    /** The raw body, for logs; never shown to users. */
    readonly body?: unknown,
  ) {
    super(`HTTP ${status}`)
  }
}

/** Thrown when no response arrived at all (offline, DNS, TLS, connection reset, blocked domain). */
export class NetworkError extends Error {
  readonly name = 'NetworkError' as const
  constructor(message = 'network request failed', cause?: unknown) {
    super(message)
    if (cause !== undefined) this.cause = cause
  }
}

/** Thrown when no response arrived within `timeoutMs`. */
export class TimeoutError extends Error {
  readonly name = 'TimeoutError' as const
  constructor(readonly timeoutMs: number) {
    super(`request timed out after ${timeoutMs} ms`)
  }
}

/** Thrown when the server answered non-2xx with our error body `{code, message, details?}`. */
export class BusinessError extends Error {
  readonly name = 'BusinessError' as const
  readonly code: ErrorCode
  readonly details: ApiErrorBody['details']
  constructor(
    readonly status: number,
    body: ApiErrorBody,
  ) {
    // The server's message is Chinese and safe to show, so it is the error's message too.
    super(body.message)
    this.code = body.code
    this.details = body.details
  }
}

export type ApiError = HttpError | NetworkError | TimeoutError | BusinessError

/** True for a body shaped like the server's ApiErrorBody. */
export function isApiErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null) return false
  const { code, message } = body as Record<string, unknown>
  return typeof code === 'string' && typeof message === 'string'
}

const API_ERROR_NAMES = new Set<string>(['HttpError', 'NetworkError', 'TimeoutError', 'BusinessError'])

/**
 * True for any of the errors above. Checks `name`, not instanceof: with
 * mini.optimizeMainPackage a module shared by subpackages can be bundled once per
 * subpackage, and instanceof fails across those copies.
 */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof Error && API_ERROR_NAMES.has(error.name)
}

/**
 * The server's "you may not" answers: the user's role (or the lack of a link or a grant) rules the
 * call out, so asking again changes nothing and a screen offers no 重试 (StatusView `refused`).
 */
const PERMISSION_REFUSAL_CODES = new Set<string>([
  'FORBIDDEN',
  'ENTERPRISE_FORBIDDEN',
  'LEGAL_REPRESENTATIVE_ONLY',
  'SIGN_NOT_AUTHORISED',
  'SIGN_WRONG_ENTERPRISE',
])

/** True when the server refused the call for want of permission (403 with a refusal code, or a bare 403). */
export function isPermissionRefusal(error: unknown): boolean {
  if (!isApiError(error)) return false
  if (error.name === 'BusinessError') return PERMISSION_REFUSAL_CODES.has(error.code)
  return error.name === 'HttpError' && error.status === 403
}

/** Chinese text fit to show the user for any error a call may throw. */
export function userMessage(error: unknown): string {
  if (!isApiError(error)) return '出现了意外错误，请稍后重试'
  switch (error.name) {
    case 'BusinessError':
      return error.code === 'VALIDATION_FAILED' ? validationMessage(error) : error.message || '操作未能完成，请稍后重试'
    case 'NetworkError':
      return '网络连接失败，请检查网络后重试'
    case 'TimeoutError':
      return '请求超时，请稍后重试'
    case 'HttpError':
      return httpStatusMessage(error.status)
  }
}

/** Said when every reason the server gave names a field of the request rather than something the user sees. */
export const INVALID_INPUT_MESSAGE = '提交的信息有误，请检查后重试'

/**
 * The server's schema messages name wire fields (「不支持的字段 id」, 「缺少必填字段 typeCode」): true
 * for a reason that spells out its (Latin-named) field. The rules' own reasons (「发证日期不应早于…」)
 * name nothing internal and are kept.
 */
function namesItsField(detail: { field: string; message: string }): boolean {
  return /[A-Za-z]/.test(detail.field) && detail.message.includes(detail.field)
}

function validationMessage(error: BusinessError): string {
  const details = error.details ?? []
  if (!details.some(namesItsField)) return error.message || INVALID_INPUT_MESSAGE
  const shown = details.filter((detail) => !namesItsField(detail)).map((detail) => detail.message)
  return shown.length > 0 ? shown.join('；') : INVALID_INPUT_MESSAGE
}

function httpStatusMessage(status: number): string {
  if (status >= 500) return `服务暂时不可用（HTTP ${status}），请稍后重试`
  if (status === 401) return '登录已失效，请重新登录'
  if (status === 403) return `没有权限执行此操作（HTTP 403）`
  if (status === 404) return `请求的内容不存在（HTTP 404）`
  if (status === 429) return '操作过于频繁，请稍后再试'
  if (status >= 400) return `请求未能完成（HTTP ${status}）`
  return '服务返回了无法识别的数据，请稍后重试'
}
