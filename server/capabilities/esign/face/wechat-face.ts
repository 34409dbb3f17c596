import { createHash } from 'node:crypto'
import type { WechatCredentials } from '../../../kernel/auth/providers/platform-credentials'
import { callProvider, parseJsonObject } from '../../../kernel/auth/providers/provider-http'
import { ApiError } from '../../../kernel/http/api-error'
import type { FaceProvider, FaceStart, FaceStartInput, FaceVerdict } from './face-provider'
import { STALE_TOKEN_ERRCODES, WechatAccessToken } from '../../../kernel/auth/providers/wechat-access-token'

/**
 * 微信人脸核身 (政务民生 mini-programs):
 * getVerifyId  https://developers.weixin.qq.com/miniprogram/dev/server/API/face/api_getverifyid
 * queryVerifyInfo  https://developers.weixin.qq.com/miniprogram/dev/server/API/face/api_queryverifyinfo
 * The client runs wx.requestFacialVerify({ verifyId }); whatever it reports, the result is what
 * queryVerifyInfo says (passed only when errcode = 0 and verify_ret = 10000).
 */

const FACE_PATH = '/cityservice/face/identify'

// verify_ret values of a user leaving the flow (tutorial, start, capture, upload, release, confirm page).
const USER_CANCELLED = new Set([90002, 90003, 90004, 90005, 90006, 90024])

/**
 * cert_hash: each of cert_type, cert_name, cert_no in standard base64, joined as
 * `cert_type=…&cert_name=…&cert_no=…`, SHA-256, lower-case hex (queryVerifyInfo 注意事项).
 */
export function wechatCertHash(person: { name: string; idNumber: string }): string {
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')
  const text = `cert_type=${b64('IDENTITY_CARD')}&cert_name=${b64(person.name)}&cert_no=${b64(person.idNumber)}`
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

export class WechatFaceClient implements FaceProvider {
  readonly name = 'wechat' as const
  private readonly tokens: WechatAccessToken

  constructor(private readonly credentials: WechatCredentials) {
    this.tokens = new WechatAccessToken(credentials)
  }

  async start({ person, reference, openid }: FaceStartInput): Promise<FaceStart> {
    if (!openid) throw new ApiError('FACE_UNAVAILABLE', { message: '请在微信小程序中登录后再进行刷脸认证' })
    const body = await this.post('getverifyid', {
      out_seq_no: reference,
      cert_info: { cert_type: 'IDENTITY_CARD', cert_name: person.name, cert_no: person.idNumber },
      openid,
    })
    const verifyId = body.verify_id
    if (Number(body.errcode ?? 0) !== 0 || typeof verifyId !== 'string' || verifyId === '')
      throw wechatError('getverifyid', body)
    return {
      clientParams: { verifyId },
      state: { verifyId, outSeqNo: reference, certHash: wechatCertHash(person), openid },
    }
  }

  async verdict(state: Record<string, string>): Promise<FaceVerdict> {
    const body = await this.post('queryverifyinfo', {
      verify_id: state.verifyId,
      out_seq_no: state.outSeqNo,
      cert_hash: state.certHash,
      openid: state.openid,
    })
    if (Number(body.errcode ?? 0) !== 0 || typeof body.verify_ret !== 'number')
      throw wechatError('queryverifyinfo', body)
    const ret = body.verify_ret
    if (ret === 10000) return { outcome: 'passed' }
    if (USER_CANCELLED.has(ret)) return { outcome: 'cancelled', detail: `verify_ret ${ret}`, byUser: true }
    // 9xxxx: device, permission or network trouble — not a verdict on the person.
    if (ret >= 90000) return { outcome: 'cancelled', detail: `verify_ret ${ret}`, byUser: false }
    // 10001 参数错误 is ours to fix, not the person's fault.
    if (ret === 10001) throw wechatError('queryverifyinfo', body)
    return { outcome: 'mismatch', detail: `verify_ret ${ret}` }
  }

  /** POST with the access token, refreshing it once when WeChat says it is stale. */
  private async post(api: string, payload: object): Promise<Record<string, unknown>> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.tokens.get(attempt > 0)
      const url = `${this.credentials.apiBase.replace(/\/+$/, '')}${FACE_PATH}/${api}?access_token=${encodeURIComponent(token)}`
      const response = await callProvider(
        url,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) },
        this.credentials.timeoutMs,
        'wechat',
      ).catch((error: unknown) => {
        throw new ApiError('FACE_PROVIDER_ERROR', { cause: error instanceof ApiError ? error.cause : error })
      })
      const body = response.status === 200 ? parseJsonObject(response.text) : null
      if (!body) throw new ApiError('FACE_PROVIDER_ERROR', { cause: `wechat ${api}: HTTP ${response.status}` })
      if (attempt === 0 && STALE_TOKEN_ERRCODES.has(Number(body.errcode))) continue
      return body
    }
  }
}

function wechatError(api: string, body: Record<string, unknown>): ApiError {
  return new ApiError('FACE_PROVIDER_ERROR', {
    cause: `wechat ${api} errcode ${String(body.errcode)}: ${String(body.errmsg ?? '')} verify_ret ${String(body.verify_ret)}`,
  })
}
