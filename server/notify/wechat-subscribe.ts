import { parseJsonObject } from '../auth/providers/provider-http'
import {
  DEFAULT_RETRY,
  fetchText,
  withRetry,
  type OutgoingMessage,
  type ReminderSender,
  type RetryPolicy,
  type SendOutcome,
} from './sender'

export interface WechatSubscribeOptions {
  appId: string
  secret: string
  /** https://api.weixin.qq.com, or a fake server in tests. */
  apiBase: string
  timeoutMs: number
  miniprogramState?: 'formal' | 'trial' | 'developer'
  retry?: RetryPolicy
  now?: () => number
}

/** Refresh this long before WeChat says the token expires (it lives 7200 s). */
const TOKEN_MARGIN_MS = 5 * 60_000
/** The token is invalid or expired: fetch a new one and try once more. */
const TOKEN_ERRCODES = new Set([40001, 40014, 42001])
/** 43101: the user refused, or has no one-time subscription left. */
const REFUSED_ERRCODES = new Set([43101])
/** -1 system busy; 45009 API quota reached; 45011 too frequent: worth retrying later. */
const TRANSIENT_ERRCODES = new Set([-1, 45009, 45011])
/** 40003 bad openid; 40037 bad template_id; 41030 bad page; 47003 data does not fit the template. */
const REJECTED_ERRCODES = new Set([40003, 40037, 41030, 47003])

class TokenError extends Error {
  readonly name = 'TokenError'
}

/**
 * 发送订阅消息 subscribeMessage.send:
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 * with the access token from getAccessToken (GET /cgi-bin/token), cached until shortly before it
 * expires. (A deployment with several server instances should switch to getStableAccessToken:
 * each /cgi-bin/token call invalidates the previous token after 5 minutes.)
 */
export class WechatSubscribeSender implements ReminderSender {
  private cached: { token: string; expiresAt: number } | null = null
  private pending: Promise<string> | null = null

  constructor(private readonly options: WechatSubscribeOptions) {}

  private get base(): string {
    return this.options.apiBase.replace(/\/+$/, '')
  }

  private now(): number {
    return (this.options.now ?? Date.now)()
  }

  send(message: OutgoingMessage): Promise<SendOutcome> {
    return withRetry(this.options.retry ?? DEFAULT_RETRY, () => this.attempt(message))
  }

  private async attempt(message: OutgoingMessage): Promise<SendOutcome> {
    for (let refreshed = false; ; refreshed = true) {
      let token: string
      try {
        token = await this.accessToken()
      } catch (error) {
        return { status: 'failed', reason: error instanceof Error ? error.message : String(error) }
      }
      const answer = await this.post(token, message)
      if (answer !== 'token-invalid') return answer
      this.invalidate(token)
      if (refreshed) return { status: 'failed', reason: 'access_token rejected twice' }
    }
  }

  private async post(token: string, message: OutgoingMessage): Promise<SendOutcome | 'token-invalid'> {
    const data = Object.fromEntries(message.fields.map((field) => [field.name, { value: field.value }]))
    const result = await fetchText(
      `${this.base}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({
          touser: message.toUser,
          template_id: message.templateId,
          page: message.page,
          data,
          miniprogram_state: this.options.miniprogramState ?? 'formal',
          lang: 'zh_CN',
        }),
      },
      this.options.timeoutMs,
    )
    if ('error' in result) return { status: 'failed', reason: result.error }
    const body = result.answer.status === 200 ? parseJsonObject(result.answer.text) : null
    if (!body) return { status: 'failed', reason: `HTTP ${result.answer.status}, unreadable body` }
    const errcode = Number(body.errcode ?? 0)
    const reason = `errcode ${errcode}: ${String(body.errmsg ?? '')}`
    if (errcode === 0) return { status: 'sent' }
    if (TOKEN_ERRCODES.has(errcode)) return 'token-invalid'
    if (REFUSED_ERRCODES.has(errcode)) return { status: 'refused', reason }
    if (REJECTED_ERRCODES.has(errcode)) return { status: 'rejected', reason }
    if (TRANSIENT_ERRCODES.has(errcode)) return { status: 'failed', reason }
    // Unknown codes count as transient: retried now, and a later run of the day may try again.
    return { status: 'failed', reason }
  }

  private invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = null
  }

  /** The cached token, or one fetch shared by every caller waiting for it. */
  private accessToken(): Promise<string> {
    if (this.cached && this.cached.expiresAt > this.now()) return Promise.resolve(this.cached.token)
    if (!this.pending) {
      this.pending = this.fetchToken().finally(() => {
        this.pending = null
      })
    }
    return this.pending
  }

  private async fetchToken(): Promise<string> {
    const query = new URLSearchParams({
      grant_type: 'client_credential',
      appid: this.options.appId,
      secret: this.options.secret,
    })
    const result = await fetchText(`${this.base}/cgi-bin/token?${query}`, { method: 'GET' }, this.options.timeoutMs)
    if ('error' in result) throw new TokenError(`access_token: ${result.error}`)
    const body = result.answer.status === 200 ? parseJsonObject(result.answer.text) : null
    if (!body) throw new TokenError(`access_token: HTTP ${result.answer.status}, unreadable body`)
    if (typeof body.access_token !== 'string' || !body.access_token) {
      throw new TokenError(`access_token: errcode ${String(body.errcode)}: ${String(body.errmsg ?? '')}`)
    }
    const lifetimeMs = (Number(body.expires_in) || 7200) * 1000
    this.cached = { token: body.access_token, expiresAt: this.now() + Math.max(0, lifetimeMs - TOKEN_MARGIN_MS) }
    return body.access_token
  }
}
