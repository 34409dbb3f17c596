import type { Platform } from '../../../../src/contract/account/schemas'

/** Who a login code belongs to, as told by the platform (or the sandbox). */
export type LoginIdentity =
  | { kind: 'platform'; platform: 'weapp' | 'alipay'; subject: string; unionId?: string }
  | { kind: 'sandbox-phone'; phone: string }

/**
 * Exchanges a client login code for an identity. Throws ApiError LOGIN_CODE_INVALID,
 * RATE_LIMITED or LOGIN_PROVIDER_UNAVAILABLE; never returns an identity it could not verify.
 */
export interface LoginProvider {
  exchangeCode(code: string): Promise<LoginIdentity>
}

export type LoginProviders = Partial<Record<Platform, LoginProvider>>
