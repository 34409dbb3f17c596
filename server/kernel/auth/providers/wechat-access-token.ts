import { ApiError } from '../../http/api-error'
import type { WechatCredentials } from './platform-credentials'
import { callProvider, parseJsonObject } from './provider-http'

/** errcodes meaning the token we sent is no longer good: fetch a fresh one and try once more. */
export const STALE_TOKEN_ERRCODES = new Set([40001, 40014, 42001])

/**
 * 获取稳定版接口调用凭据 (getStableAccessToken): POST /cgi-bin/stable_token. Unlike /cgi-bin/token
 * it does not invalidate tokens other servers hold for the same app. Cached until five minutes
 * before it expires; `force` asks WeChat for a new one after a stale-token errcode.
 */
export class WechatAccessToken {
  private cached: { token: string; until: number } | null = null
  private pending: Promise<string> | null = null

  constructor(
    private readonly credentials: WechatCredentials,
    private readonly now: () => number = Date.now,
  ) {}

  async get(force = false): Promise<string> {
    if (!force && this.cached && this.cached.until > this.now()) return this.cached.token
    // Concurrent callers share one fetch.
    this.pending ??= this.fetchToken(force).finally(() => {
      this.pending = null
    })
    return this.pending
  }

  private async fetchToken(force: boolean): Promise<string> {
    const { apiBase, appId, secret, timeoutMs } = this.credentials
    const response = await callProvider(
      `${apiBase.replace(/\/+$/, '')}/cgi-bin/stable_token`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credential', appid: appId, secret, force_refresh: force }),
      },
      timeoutMs,
      'wechat',
    ).catch((error: unknown) => {
      throw new ApiError('FACE_PROVIDER_ERROR', { cause: error instanceof ApiError ? error.cause : error })
    })
    const body = response.status === 200 ? parseJsonObject(response.text) : null
    const token = body?.access_token
    if (typeof token !== 'string' || token === '') {
      throw new ApiError('FACE_PROVIDER_ERROR', {
        cause: `wechat stable_token: HTTP ${response.status} errcode ${String(body?.errcode)} ${String(body?.errmsg ?? '')}`,
      })
    }
    const expiresIn = Number(body?.expires_in) > 0 ? Number(body?.expires_in) : 7200
    this.cached = { token, until: this.now() + (expiresIn - 300) * 1000 }
    return token
  }
}
