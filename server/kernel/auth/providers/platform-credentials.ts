import type { Config } from '../../config'
import type { AlipayGatewayOptions } from './alipay-gateway'

/**
 * The WeChat and Alipay credentials every platform client needs (login, face verification,
 * messages), read from config in one place: null when the platform is not configured.
 */

export interface WechatCredentials {
  appId: string
  secret: string
  /** https://api.weixin.qq.com, or a fake server in tests. */
  apiBase: string
  timeoutMs: number
}

export function wechatCredentials(config: Config): WechatCredentials | null {
  const { appId, secret, apiBase } = config.wechat
  return appId && secret ? { appId, secret, apiBase, timeoutMs: config.providerTimeoutMs } : null
}

export function alipayGatewayOptions(config: Config): AlipayGatewayOptions | null {
  const { appId, privateKey, publicKey, gateway } = config.alipay
  if (!appId || !privateKey || !publicKey) return null
  return { appId, privateKey, alipayPublicKey: publicKey, gateway, timeoutMs: config.providerTimeoutMs }
}
