import type { KeyObject } from 'node:crypto'
import { ApiError } from '../../http/api-error'
import { parsePrivateKey, parsePublicKey, signParams, topLevelMemberTexts, verifyText } from './alipay-signature'
import type { LoginIdentity, LoginProvider } from './login-provider'
import { callProvider, parseJsonObject, unavailable } from './provider-http'

export interface AlipayOptions {
  appId: string
  /** The app's RSA2 private key (bare base64 or PEM). */
  privateKey: string
  /** Alipay's public key, to verify responses (bare base64 or PEM). */
  alipayPublicKey: string
  /** https://openapi.alipay.com/gateway.do, or a fake server in tests. */
  gateway: string
  timeoutMs: number
  /** Injectable clock for the request timestamp. */
  now?: () => Date
}

const METHOD = 'alipay.system.oauth.token'
const RESPONSE_KEY = 'alipay_system_oauth_token_response'
// Sub-codes that mean the auth code itself is bad, so the app should get a fresh one.
const INVALID_CODE_SUB_CODES = new Set([
  'isv.code-invalid',
  'isv.code-expired',
  'isv.code-used',
  'isv.auth-code-invalid',
])

/** The gateway wants Beijing time; China has no DST, so a fixed +8 h offset is exact. */
export function alipayTimestamp(date: Date): string {
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')
}

/**
 * 换取授权访问令牌 alipay.system.oauth.token:
 * https://opendocs.alipay.com/open/02xtla (user_id / open_id of the mini-program user).
 */
export class AlipayLoginClient implements LoginProvider {
  private readonly privateKey: KeyObject
  private readonly alipayPublicKey: KeyObject

  constructor(private readonly options: AlipayOptions) {
    // Parsed up front so a malformed key fails at start, not at the first login.
    this.privateKey = parsePrivateKey(options.privateKey)
    this.alipayPublicKey = parsePublicKey(options.alipayPublicKey)
  }

  async exchangeCode(code: string): Promise<LoginIdentity> {
    const params: Record<string, string> = {
      app_id: this.options.appId,
      method: METHOD,
      format: 'JSON',
      charset: 'utf-8',
      sign_type: 'RSA2',
      timestamp: alipayTimestamp((this.options.now ?? (() => new Date()))()),
      version: '1.0',
      grant_type: 'authorization_code',
      code,
    }
    params.sign = signParams(params, this.privateKey)
    const response = await callProvider(
      this.options.gateway,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
        body: new URLSearchParams(params).toString(),
      },
      this.options.timeoutMs,
      'alipay',
    )
    if (response.status !== 200) throw unavailable('alipay', `HTTP ${response.status}`)
    return this.readResponse(response.text)
  }

  private readResponse(text: string): LoginIdentity {
    const members = topLevelMemberTexts(text)
    if (!members) throw unavailable('alipay', 'response is not a JSON object')
    // An error answer is not trusted for anything but failing, so its signature does not matter.
    const errorNode = members.get('error_response')
    if (errorNode !== undefined) throw alipayError(parseJsonObject(errorNode))

    const nodeText = members.get(RESPONSE_KEY)
    const sign = members.has('sign') ? parseJsonString(members.get('sign') as string) : null
    if (nodeText === undefined) throw unavailable('alipay', 'response node missing')
    if (!sign || !verifyText(nodeText, sign, this.alipayPublicKey)) {
      throw unavailable('alipay', 'response signature invalid (forged or wrong ALIPAY_PUBLIC_KEY)')
    }
    const node = parseJsonObject(nodeText)
    if (!node) throw unavailable('alipay', 'response node is not an object')
    if (node.code !== undefined && node.code !== '10000') throw alipayError(node)
    const subject = [node.open_id, node.user_id].find((value) => typeof value === 'string' && value !== '')
    if (typeof subject !== 'string') throw unavailable('alipay', 'no open_id or user_id in response')
    return { kind: 'platform', platform: 'alipay', subject }
  }
}

function parseJsonString(text: string): string | null {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'string' ? value : null
  } catch {
    return null
  }
}

function alipayError(node: Record<string, unknown> | null): ApiError {
  const subCode = typeof node?.sub_code === 'string' ? node.sub_code : ''
  const cause = `alipay ${String(node?.code ?? '?')} ${subCode}: ${String(node?.sub_msg ?? node?.msg ?? '')}`
  if (INVALID_CODE_SUB_CODES.has(subCode)) return new ApiError('LOGIN_CODE_INVALID', { cause })
  return new ApiError('LOGIN_PROVIDER_UNAVAILABLE', { cause })
}
