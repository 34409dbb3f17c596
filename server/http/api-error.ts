import type { ApiErrorBody, ErrorCode } from '../contract'
import { SEAL_ERROR_DEFAULTS } from '../signing/seal-errors'
import { CALENDAR_FEED_ERROR_DEFAULTS } from '../calendar-feed/feed-errors'
import { COMPLIANCE_ERROR_DEFAULTS } from '../compliance/compliance-errors'

/** Default HTTP status and Chinese message for each error code. */
export const ERROR_DEFAULTS: Record<ErrorCode, { status: number; message: string }> = {
  INVALID_JSON: { status: 400, message: '请求内容不是有效的 JSON' },
  VALIDATION_FAILED: { status: 400, message: '请求参数有误' },
  UNAUTHORIZED: { status: 401, message: '请先登录' },
  SESSION_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  FORBIDDEN: { status: 403, message: '您没有权限进行此操作' },
  ENTERPRISE_FORBIDDEN: { status: 403, message: '您无权查看或操作该企业' },
  NOT_FOUND: { status: 404, message: '请求的资源不存在' },
  ADMIN_DISABLED: { status: 403, message: '管理接口未启用' },
  ADMIN_KEY_INVALID: { status: 401, message: '管理密钥无效' },
  SYSTEM_KEY_INVALID: { status: 401, message: '系统接入密钥无效或已停用' },
  LOGIN_CODE_INVALID: { status: 401, message: '登录凭证无效或已过期，请重新登录' },
  LOGIN_PROVIDER_UNAVAILABLE: { status: 503, message: '登录服务暂时不可用，请稍后再试' },
  // The server has no credentials for that platform: retrying will not help, another way in will.
  LOGIN_PLATFORM_UNAVAILABLE: { status: 422, message: '当前服务未开通该平台登录，请改用其他方式登录' },
  SANDBOX_DISABLED: { status: 403, message: '当前环境未开放体验登录' },
  CONSENT_REQUIRED: { status: 403, message: '请先阅读并同意隐私政策' },
  IDEMPOTENCY_CONFLICT: { status: 409, message: '重复的请求，请勿重复提交' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '请求内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的请求内容类型，请使用 application/json' },
  RATE_LIMITED: { status: 429, message: '操作太频繁，请稍后再试' },
  INTERNAL: { status: 500, message: '服务器开小差了，请稍后再试' },
  LICENCE_NOT_FOUND: { status: 404, message: '证照不存在或已删除' },
  LICENCE_TYPE_UNKNOWN: { status: 400, message: '未知的证照类型，请从目录中选择' },
  LICENCE_DUPLICATE: { status: 409, message: '该企业已登记过相同编号的此类证照' },
  LICENCE_CANCELLED: { status: 409, message: '该证照已注销，无需续期' },
  REMINDER_RUN_IN_PROGRESS: { status: 409, message: '提醒任务正在运行，请稍后再试' },
  JOB_IN_PROGRESS: { status: 409, message: '该任务正在运行（可能在另一台服务器上），请稍后再试' },
  POLICY_NOT_FOUND: { status: 404, message: '政策不存在或已下架' },
  POLICY_DUPLICATE: { status: 409, message: '已有相同编号的政策' },
  POLICY_WITHDRAWN: { status: 409, message: '该政策已下架，不能再修改或发布' },
  COMPLAINT_NOT_FOUND: { status: 404, message: '诉求不存在' },
  COMPLAINT_ACTION_REFUSED: { status: 409, message: '当前状态不能进行该操作' },
  ...SEAL_ERROR_DEFAULTS,
  ...CALENDAR_FEED_ERROR_DEFAULTS,
  ...COMPLIANCE_ERROR_DEFAULTS,
}

export interface ApiErrorOptions {
  /** Overrides the default Chinese message. */
  message?: string
  details?: ApiErrorBody['details']
  status?: number
  /** What really went wrong (provider error code…), for the logs only; never sent to the client. */
  cause?: unknown
}

/** Thrown by routes and helpers for every expected failure; the error handler turns it into ApiErrorBody. */
export class ApiError extends Error {
  readonly name = 'ApiError'
  readonly statusCode: number
  readonly details?: ApiErrorBody['details']

  constructor(
    readonly code: ErrorCode,
    options: ApiErrorOptions = {},
  ) {
    super(options.message ?? ERROR_DEFAULTS[code].message, { cause: options.cause })
    this.statusCode = options.status ?? ERROR_DEFAULTS[code].status
    this.details = options.details
  }

  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { code: this.code, message: this.message }
    if (this.details) body.details = this.details
    return body
  }
}

export const apiErrorSchema = {
  $id: 'ApiError',
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string' },
    message: { type: 'string' },
    details: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
} as const
