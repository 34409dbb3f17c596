/**
 * The error codes every capability may answer with (the input door, sessions, idempotency, rate
 * limits, faults), with their HTTP status and Chinese message. Part of the one registry in
 * ./errors.ts.
 */

/** One code's default answer. `message` is Chinese and safe to show to the user. */
export interface ErrorEntry {
  readonly status: number
  readonly message: string
}

export const COMMON_ERRORS = {
  INVALID_JSON: { status: 400, message: '请求内容不是有效的 JSON' },
  VALIDATION_FAILED: { status: 400, message: '请求参数有误' },
  UNAUTHORIZED: { status: 401, message: '请先登录' },
  SESSION_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  FORBIDDEN: { status: 403, message: '您没有权限进行此操作' },
  ENTERPRISE_FORBIDDEN: { status: 403, message: '您无权查看或操作该企业' },
  NOT_FOUND: { status: 404, message: '请求的资源不存在' },
  IDEMPOTENCY_CONFLICT: { status: 409, message: '重复的请求，请勿重复提交' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '请求内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的请求内容类型，请使用 application/json' },
  RATE_LIMITED: { status: 429, message: '操作太频繁，请稍后再试' },
  INTERNAL: { status: 500, message: '服务器开小差了，请稍后再试' },
} satisfies Record<string, ErrorEntry>
