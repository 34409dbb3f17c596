import type { WechatCredentials } from '../auth/providers/platform-credentials'
import { parseJsonObject } from '../auth/providers/provider-http'
import { STALE_TOKEN_ERRCODES, WechatAccessToken } from '../auth/providers/wechat-access-token'
import {
  DEFAULT_RETRY,
  fetchText,
  withRetry,
  type OutgoingMessage,
  type MessageSender,
  type RetryPolicy,
  type SendOutcome,
} from './sender'

export interface WechatSubscribeOptions extends WechatCredentials {
  miniprogramState?: 'formal' | 'trial' | 'developer'
  retry?: RetryPolicy
  now?: () => number
  /** A token cache shared with other WeChat clients of the same app; one of its own otherwise. */
  tokens?: WechatAccessToken
}

/** 43101: the user refused, or has no one-time subscription left. */
const REFUSED_ERRCODES = new Set([43101])
/** -1 system busy; 45009 API quota reached; 45011 too frequent: worth retrying later. */
const TRANSIENT_ERRCODES = new Set([-1, 45009, 45011])
/** 40003 bad openid; 40037 bad template_id; 41030 bad page; 47003 data does not fit the template. */
const REJECTED_ERRCODES = new Set([40003, 40037, 41030, 47003])

/** Why the token could not be had, for the delivery row (ApiError keeps the provider's answer in `cause`). */
function tokenFailure(error: unknown): string {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error
  return `access_token: ${cause instanceof Error ? cause.message : String(cause)}`
}

/**
 * 发送订阅消息 subscribeMessage.send:
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 * with the access token of the shared WechatAccessToken (getStableAccessToken, which does not
 * invalidate the tokens other instances or clients hold).
 */
export class WechatSubscribeSender implements MessageSender {
  private readonly tokens: WechatAccessToken

  constructor(private readonly options: WechatSubscribeOptions) {
    this.tokens = options.tokens ?? new WechatAccessToken(options, options.now)
  }

  private get base(): string {
    return this.options.apiBase.replace(/\/+$/, '')
  }

  send(message: OutgoingMessage): Promise<SendOutcome> {
    return withRetry(this.options.retry ?? DEFAULT_RETRY, () => this.attempt(message))
  }

  private async attempt(message: OutgoingMessage): Promise<SendOutcome> {
    for (let refreshed = false; ; refreshed = true) {
      let token: string
      try {
        // After a stale-token answer, WeChat is asked for a new one (force_refresh).
        token = await this.tokens.get(refreshed)
      } catch (error) {
        return { status: 'failed', reason: tokenFailure(error) }
      }
      const answer = await this.post(token, message)
      if (answer !== 'token-invalid') return answer
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
    if (STALE_TOKEN_ERRCODES.has(errcode)) return 'token-invalid'
    if (REFUSED_ERRCODES.has(errcode)) return { status: 'refused', reason }
    if (REJECTED_ERRCODES.has(errcode)) return { status: 'rejected', reason }
    if (TRANSIENT_ERRCODES.has(errcode)) return { status: 'failed', reason }
    // Unknown codes count as transient: retried now, and a later run of the day may try again.
    return { status: 'failed', reason }
  }
}
