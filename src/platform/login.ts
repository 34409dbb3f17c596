import Taro from '@tarojs/taro'
import { platform, type Platform } from './env'

/** A platform login code, ready for LoginRequest. */
export interface LoginCode {
  platform: Platform
  code: string
}

/** Thrown when the platform gave no login code (user cancelled, no network, H5 without sandbox). The message is Chinese. */
export class LoginCodeError extends Error {
  readonly name = 'LoginCodeError' as const
  constructor(message: string, cause?: unknown) {
    super(message)
    if (cause !== undefined) this.cause = cause
  }
}

type CodeSource = (opts: { sandboxPhone?: string }) => Promise<string>

const CODE_SOURCES: Record<Platform, CodeSource> = {
  // wx.login: a 5-minute, single-use code the server trades for openid via code2Session.
  weapp: async () => (await Taro.login()).code,
  // auth_base is silent (no consent popup) and yields the user_id the server needs; Taro's
  // alipay plugin aliases Taro.login to this too, but calling it directly keeps the scope explicit.
  // https://opendocs.alipay.com/mini/api/openapi-authorize
  alipay: () =>
    new Promise<string>((resolve, reject) => {
      my.getAuthCode({
        scopes: 'auth_base',
        success: (res) => resolve(res.authCode),
        fail: (err) => reject(err),
      })
    }),
  // H5 has no platform identity: only the server's sandbox accepts "sandbox:<phone>".
  h5: async ({ sandboxPhone }) => {
    if (!sandboxPhone) throw new LoginCodeError('网页版暂不支持登录，请在微信或支付宝小程序中使用')
    if (!/^1\d{10}$/.test(sandboxPhone)) throw new LoginCodeError('请输入 11 位手机号')
    return `sandbox:${sandboxPhone}`
  },
}

/** Gets this platform's login code; `sandboxPhone` is used on H5 only. */
export async function getLoginCode(opts: { sandboxPhone?: string } = {}): Promise<LoginCode> {
  let code: string | undefined
  try {
    code = await CODE_SOURCES[platform](opts)
  } catch (error) {
    if (error instanceof LoginCodeError) throw error
    throw new LoginCodeError('获取登录凭证失败，请稍后重试', error)
  }
  if (!code) throw new LoginCodeError('获取登录凭证失败，请稍后重试')
  return { platform, code }
}
