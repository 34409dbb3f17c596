import { ApiError } from '../../http/api-error'
import { AlipayGateway, describeAlipayError, type AlipayGatewayOptions } from './alipay-gateway'
import type { LoginIdentity, LoginProvider } from './login-provider'
import { unavailable } from './provider-http'

export { alipayTimestamp } from './alipay-gateway'

export type AlipayOptions = AlipayGatewayOptions

const METHOD = 'alipay.system.oauth.token'
// Sub-codes that mean the auth code itself is bad, so the app should get a fresh one.
const INVALID_CODE_SUB_CODES = new Set([
  'isv.code-invalid',
  'isv.code-expired',
  'isv.code-used',
  'isv.auth-code-invalid',
])

/**
 * 换取授权访问令牌 alipay.system.oauth.token:
 * https://opendocs.alipay.com/open/02xtla (user_id / open_id of the mini-program user).
 */
export class AlipayLoginClient implements LoginProvider {
  private readonly gateway: AlipayGateway

  constructor(options: AlipayOptions) {
    this.gateway = new AlipayGateway(options)
  }

  async exchangeCode(code: string): Promise<LoginIdentity> {
    const answer = await this.gateway.call(METHOD, { grant_type: 'authorization_code', code })
    if (!answer.ok) throw alipayError(answer.node)
    const { node } = answer
    const subject = [node.open_id, node.user_id].find((value) => typeof value === 'string' && value !== '')
    if (typeof subject !== 'string') throw unavailable('alipay', 'no open_id or user_id in response')
    return { kind: 'platform', platform: 'alipay', subject }
  }
}

function alipayError(node: Record<string, unknown> | null): ApiError {
  const subCode = typeof node?.sub_code === 'string' ? node.sub_code : ''
  const cause = describeAlipayError(node)
  if (INVALID_CODE_SUB_CODES.has(subCode)) return new ApiError('LOGIN_CODE_INVALID', { cause })
  return new ApiError('LOGIN_PROVIDER_UNAVAILABLE', { cause })
}
