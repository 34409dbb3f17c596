import type { Platform } from '../contract/account/schemas'

export type { Platform }

// Taro's DefinePlugin replaces process.env.TARO_ENV and the defineConstants in config/index.ts
// with literals at build time, so each bundle carries only its own platform's value.
// Write them out in full (no destructuring) or the replacement does not happen.
const PLATFORMS: readonly Platform[] = ['weapp', 'alipay', 'h5']

function resolvePlatform(taroEnv: string | undefined): Platform {
  return PLATFORMS.find((p) => p === taroEnv) ?? 'h5'
}

/** The platform this bundle was built for. */
export const platform: Platform = resolvePlatform(process.env.TARO_ENV)

/** Prefix for every API path: '' on H5 (served by our own server), an https origin on mini-programs. */
export const apiBaseUrl: string = process.env.TARO_APP_API_BASE ?? ''

/**
 * H5 has no platform identity, so it signs in with a demo phone. Whether that is allowed is the
 * server's decision: a production server refuses it (403 SANDBOX_DISABLED).
 */
export const sandboxLoginAvailable: boolean = platform === 'h5'

const LOGIN_LABELS: Record<Platform, string> = {
  weapp: '微信一键登录',
  alipay: '支付宝一键登录',
  h5: '登录',
}

/** The login button's text on this platform. */
export const loginLabel: string = LOGIN_LABELS[platform]
