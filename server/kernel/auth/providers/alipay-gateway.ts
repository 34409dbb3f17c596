import type { KeyObject } from 'node:crypto'
import { ApiError } from '../../http/api-error'
import { parsePrivateKey, parsePublicKey, signParams, topLevelMemberTexts, verifyText } from './alipay-signature'
import { callProvider, parseJsonObject, unavailable } from './provider-http'

/**
 * The Alipay open-platform gateway (https://opendocs.alipay.com/common/02kf5q): RSA2-signed form
 * POSTs whose answers are verified against Alipay's public key before anything in them is read.
 * Shared by login (alipay.system.oauth.token) and face verification (alipay.user.certify.open.*).
 */

export interface AlipayGatewayOptions {
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

/** A verified business answer, or Alipay's error node (an error answer is trusted only to fail). */
export type AlipayAnswer =
  { ok: true; node: Record<string, unknown> } | { ok: false; node: Record<string, unknown> | null }

/**
 * What a call came to, for callers that must not throw: a message send has to tell "maybe
 * delivered" (never repeat) from "not delivered" (retry), which a login does not need to.
 */
export type AlipayCallResult =
  | { kind: 'answer'; answer: AlipayAnswer }
  /** network failure, timeout, HTTP error or an unreadable answer: the call may not have arrived */
  | { kind: 'unreachable'; reason: string }
  /** Alipay (or someone) answered, but the signature does not verify: nothing in it is believed */
  | { kind: 'unverified'; reason: string }

/** The answer's signature does not verify (forged, or a wrong ALIPAY_PUBLIC_KEY). */
class UnverifiedAnswerError extends ApiError {}

/** The gateway wants Beijing time; China has no DST, so a fixed +8 h offset is exact. */
export function alipayTimestamp(date: Date): string {
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')
}

/** `alipay.user.certify.open.query` → `alipay_user_certify_open_query_response`. */
export function responseKeyOf(method: string): string {
  return `${method.replace(/\./g, '_')}_response`
}

export class AlipayGateway {
  private readonly privateKey: KeyObject
  private readonly alipayPublicKey: KeyObject

  constructor(private readonly options: AlipayGatewayOptions) {
    // Parsed up front so a malformed key fails at start, not at the first call.
    this.privateKey = parsePrivateKey(options.privateKey)
    this.alipayPublicKey = parsePublicKey(options.alipayPublicKey)
  }

  /** Common parameters plus `params`, signed. */
  signedParams(method: string, params: Record<string, string>): Record<string, string> {
    const signed: Record<string, string> = {
      app_id: this.options.appId,
      method,
      format: 'JSON',
      charset: 'utf-8',
      sign_type: 'RSA2',
      // Alipay checks this against its own (real) clock, so it is the wall clock, not the app's.
      timestamp: alipayTimestamp((this.options.now ?? (() => new Date()))()),
      version: '1.0',
      ...params,
    }
    signed.sign = signParams(signed, this.privateKey)
    return signed
  }

  /** For page APIs the client opens itself (e.g. alipay.user.certify.open.certify): a signed GET URL. */
  signedUrl(method: string, params: Record<string, string>): string {
    return `${this.options.gateway}?${new URLSearchParams(this.signedParams(method, params))}`
  }

  /** Throws LOGIN_PROVIDER_UNAVAILABLE on network failure, HTTP errors and unverifiable answers. */
  async call(method: string, params: Record<string, string>): Promise<AlipayAnswer> {
    const response = await callProvider(
      this.options.gateway,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
        body: new URLSearchParams(this.signedParams(method, params)).toString(),
      },
      this.options.timeoutMs,
      'alipay',
    )
    if (response.status !== 200) throw unavailable('alipay', `HTTP ${response.status}`)
    return this.readAnswer(response.text, responseKeyOf(method))
  }

  /** call() without throwing: every failure becomes a result (see AlipayCallResult). */
  async attempt(method: string, params: Record<string, string>): Promise<AlipayCallResult> {
    try {
      return { kind: 'answer', answer: await this.call(method, params) }
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      const reason = String(error.cause ?? error.message)
      return error instanceof UnverifiedAnswerError ? { kind: 'unverified', reason } : { kind: 'unreachable', reason }
    }
  }

  private readAnswer(text: string, responseKey: string): AlipayAnswer {
    const members = topLevelMemberTexts(text)
    if (!members) throw unavailable('alipay', 'response is not a JSON object')
    const errorNode = members.get('error_response')
    if (errorNode !== undefined) return { ok: false, node: parseJsonObject(errorNode) }

    // Alipay signs the response node exactly as sent, so it is verified before it is parsed.
    const nodeText = members.get(responseKey)
    const sign = members.has('sign') ? parseJsonString(members.get('sign') as string) : null
    if (nodeText === undefined) throw unavailable('alipay', 'response node missing')
    if (!sign || !verifyText(nodeText, sign, this.alipayPublicKey)) {
      throw new UnverifiedAnswerError('LOGIN_PROVIDER_UNAVAILABLE', {
        cause: 'alipay: response signature invalid (forged or wrong ALIPAY_PUBLIC_KEY)',
      })
    }
    const node = parseJsonObject(nodeText)
    if (!node) throw unavailable('alipay', 'response node is not an object')
    if (node.code !== undefined && node.code !== '10000') return { ok: false, node }
    return { ok: true, node }
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

/** `alipay 40004 isv.xxx: message`, for logs. */
export function describeAlipayError(node: Record<string, unknown> | null): string {
  const subCode = typeof node?.sub_code === 'string' ? node.sub_code : ''
  return `alipay ${String(node?.code ?? '?')} ${subCode}: ${String(node?.sub_msg ?? node?.msg ?? '')}`
}
