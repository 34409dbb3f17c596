import type { Config } from '../../config'
import { AlipayLoginClient } from './alipay'
import type { LoginProviders } from './login-provider'
import { SandboxLoginProvider } from './sandbox'
import { WechatLoginClient } from './wechat'

/** Providers from configuration: a platform without credentials has no provider (login answers 503). */
export function buildLoginProviders(config: Config): LoginProviders {
  const providers: LoginProviders = {}
  const { wechat, alipay, providerTimeoutMs: timeoutMs } = config
  if (wechat.appId && wechat.secret) {
    providers.weapp = new WechatLoginClient({
      appId: wechat.appId,
      secret: wechat.secret,
      apiBase: wechat.apiBase,
      timeoutMs,
    })
  }
  if (alipay.appId && alipay.privateKey && alipay.publicKey) {
    providers.alipay = new AlipayLoginClient({
      appId: alipay.appId,
      privateKey: alipay.privateKey,
      alipayPublicKey: alipay.publicKey,
      gateway: alipay.gateway,
      timeoutMs,
    })
  }
  if (config.sandbox) providers.h5 = new SandboxLoginProvider()
  return providers
}
