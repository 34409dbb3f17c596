import type { ErrorEntry } from '../common-errors'

/** 账号: login, consent, admin and system keys, the admin job runs. Part of src/contract/errors.ts. */
export const ACCOUNT_ERRORS = {
  ADMIN_DISABLED: { status: 403, message: '管理接口未启用' },
  ADMIN_KEY_INVALID: { status: 401, message: '管理密钥无效' },
  SYSTEM_KEY_INVALID: { status: 401, message: '系统接入密钥无效或已停用' },
  LOGIN_CODE_INVALID: { status: 401, message: '登录凭证无效或已过期，请重新登录' },
  LOGIN_PROVIDER_UNAVAILABLE: { status: 503, message: '登录服务暂时不可用，请稍后再试' },
  // The server has no credentials for that platform: retrying will not help, another way in will.
  LOGIN_PLATFORM_UNAVAILABLE: { status: 422, message: '当前服务未开通该平台登录，请改用其他方式登录' },
  SANDBOX_DISABLED: { status: 403, message: '当前环境未开放体验登录' },
  CONSENT_REQUIRED: { status: 403, message: '请先阅读并同意隐私政策' },
  REMINDER_RUN_IN_PROGRESS: { status: 409, message: '提醒任务正在运行，请稍后再试' },
  JOB_IN_PROGRESS: { status: 409, message: '该任务正在运行（可能在另一台服务器上），请稍后再试' },
} satisfies Record<string, ErrorEntry>
