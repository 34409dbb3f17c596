import { ApiError } from '../../http/api-error'
import type { LoginIdentity, LoginProvider } from './login-provider'

/**
 * H5 development and test login: the code `sandbox:<mobile number>` logs in as the user with that
 * phone, created if new. It proves nothing, which is why buildApp refuses it in production.
 */
export class SandboxLoginProvider implements LoginProvider {
  async exchangeCode(code: string): Promise<LoginIdentity> {
    const match = /^sandbox:(1[3-9]\d{9})$/.exec(code)
    if (!match) {
      throw new ApiError('LOGIN_CODE_INVALID', { message: '体验登录凭证应为 sandbox:手机号（11 位）', status: 400 })
    }
    return { kind: 'sandbox-phone', phone: match[1] }
  }
}
