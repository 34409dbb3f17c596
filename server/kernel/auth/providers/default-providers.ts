import type { Config } from '../../config'
import { AlipayLoginClient } from './alipay'
import type { LoginProviders } from './login-provider'
import { alipayGatewayOptions, wechatCredentials } from './platform-credentials'
import { SandboxLoginProvider } from './sandbox'
import { WechatLoginClient } from './wechat'

/** Providers from configuration: a platform without credentials has no provider (login answers 503). */
export function buildLoginProviders(config: Config): LoginProviders {
  const providers: LoginProviders = {}
  const wechat = wechatCredentials(config)
  if (wechat) providers.weapp = new WechatLoginClient(wechat)
  const alipay = alipayGatewayOptions(config)
  if (alipay) providers.alipay = new AlipayLoginClient(alipay)
  if (config.sandbox) providers.h5 = new SandboxLoginProvider()
  return providers
}
