import type { Config } from '../../../kernel/config'
import { alipayGatewayOptions, wechatCredentials } from '../../../kernel/auth/providers/platform-credentials'
import { AlipayFaceClient } from './alipay-face'
import type { FaceProviders } from './face-provider'
import { SandboxFaceProvider } from './sandbox-face'
import { WechatFaceClient } from './wechat-face'

/** Providers from configuration: the same credentials as login; the sandbox only when it is on. */
export function buildFaceProviders(config: Config): FaceProviders {
  const providers: FaceProviders = {}
  const wechat = wechatCredentials(config)
  if (wechat) providers.wechat = new WechatFaceClient(wechat)
  const alipay = alipayGatewayOptions(config)
  if (alipay) providers.alipay = new AlipayFaceClient({ ...alipay, returnUrl: config.face.alipayReturnUrl })
  if (config.sandbox) providers.sandbox = new SandboxFaceProvider()
  return providers
}
