import { ApiError } from '../../http/api-error'
import type { LoginIdentity, LoginProvider } from './login-provider'
import { callProvider, parseJsonObject, unavailable } from './provider-http'

export interface WechatOptions {
  appId: string
  secret: string
  /** https://api.weixin.qq.com, or a fake server in tests. */
  apiBase: string
  timeoutMs: number
}

/**
 * 小程序登录 code2Session:
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html
 * The session_key it returns is not needed (we do not decrypt user data) and is dropped.
 */
export class WechatLoginClient implements LoginProvider {
  constructor(private readonly options: WechatOptions) {}

  async exchangeCode(code: string): Promise<LoginIdentity> {
    const query = new URLSearchParams({
      appid: this.options.appId,
      secret: this.options.secret,
      js_code: code,
      grant_type: 'authorization_code',
    })
    const url = `${this.options.apiBase.replace(/\/+$/, '')}/sns/jscode2session?${query}`
    const response = await callProvider(url, { method: 'GET' }, this.options.timeoutMs, 'wechat')
    // WeChat answers errors with HTTP 200 and an errcode; anything else is an outage.
    const body = response.status === 200 ? parseJsonObject(response.text) : null
    if (!body) throw unavailable('wechat', `HTTP ${response.status}, unreadable body`)
    const errcode = Number(body.errcode ?? 0)
    if (errcode === 0 && typeof body.openid === 'string' && body.openid) {
      const unionId = typeof body.unionid === 'string' && body.unionid ? body.unionid : undefined
      return { kind: 'platform', platform: 'weapp', subject: body.openid, unionId }
    }
    throw wechatError(errcode, String(body.errmsg ?? ''))
  }
}

function wechatError(errcode: number, errmsg: string): ApiError {
  const cause = `wechat errcode ${errcode}: ${errmsg}`
  switch (errcode) {
    case 40029: // invalid code
    case 40163: // code been used
      return new ApiError('LOGIN_CODE_INVALID', { cause })
    case 45011: // API minute-quota reached
      return new ApiError('RATE_LIMITED', { message: '登录请求太频繁，请稍后再试', cause })
    case 40226: // high-risk user blocked by WeChat
      return new ApiError('FORBIDDEN', { message: '该微信账号暂时无法登录，请联系微信客服', cause })
    default: // -1 system busy, 40013/40125 misconfigured app, missing openid…
      return new ApiError('LOGIN_PROVIDER_UNAVAILABLE', { cause })
  }
}
