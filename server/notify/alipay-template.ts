import type { KeyObject } from 'node:crypto'
import { AlipayGateway, describeAlipayError, responseKeyOf } from '../auth/providers/alipay-gateway'
import { parsePublicKey, topLevelMemberTexts, verifyText } from '../auth/providers/alipay-signature'
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

export interface AlipayTemplateOptions {
  appId: string
  privateKey: string
  /** Alipay's public key: a success answer is believed only when its signature verifies. */
  alipayPublicKey: string
  gateway: string
  timeoutMs: number
  retry?: RetryPolicy
  now?: () => Date
}

const METHOD = 'alipay.open.app.mini.templatemessage.send'
const RESPONSE_KEY = responseKeyOf(METHOD)

/** 2088 + 12 digits is a user_id; anything else an open_id (apps created since 2023 get those). */
const USER_ID = /^2088\d{12}$/

/**
 * How a failed answer is treated. Gateway codes (https://opendocs.alipay.com/common/02km9f):
 * 20000 service unavailable and isp.* sub-codes are the platform's trouble (retry); 20001 auth,
 * 40001/40002 parameters, 40006 permissions are ours (no retry). For 40004 (business failure) the
 * sub-code decides: a subscription missing or used up is the user's answer; limits are transient.
 */
function classify(code: string, subCode: string, reason: string): SendOutcome {
  if (code === '20000' || subCode.startsWith('isp.') || /SYSTEM_ERROR|UNKNOW|BUSY|LIMIT/i.test(subCode)) {
    return { status: 'failed', reason }
  }
  if (code === '40004' && /SUBSCRIBE|REFUSE|REJECT|QUOTA|TIMES/i.test(subCode)) return { status: 'refused', reason }
  return { status: 'rejected', reason }
}

/**
 * 小程序发送模板消息 alipay.open.app.mini.templatemessage.send through the open-platform gateway,
 * RSA2-signed by the shared AlipayGateway (../auth/providers/alipay-gateway.ts).
 */
export class AlipayTemplateSender implements ReminderSender {
  private readonly gateway: AlipayGateway
  private readonly alipayPublicKey: KeyObject

  constructor(private readonly options: AlipayTemplateOptions) {
    // Signing is the gateway's; reading the answer is ours, because a send must tell "maybe
    // delivered" (never repeat) from "not delivered" (retry), which a login does not need to.
    this.gateway = new AlipayGateway(options)
    this.alipayPublicKey = parsePublicKey(options.alipayPublicKey)
  }

  send(message: OutgoingMessage): Promise<SendOutcome> {
    return withRetry(this.options.retry ?? DEFAULT_RETRY, () => this.attempt(message))
  }

  private async attempt(message: OutgoingMessage): Promise<SendOutcome> {
    const data = Object.fromEntries(message.fields.map((field) => [field.name, { value: field.value }]))
    const recipient = USER_ID.test(message.toUser) ? { to_user_id: message.toUser } : { to_open_id: message.toUser }
    const params = this.gateway.signedParams(METHOD, {
      biz_content: JSON.stringify({
        ...recipient,
        user_template_id: message.templateId,
        page: message.page,
        // The gateway wants `data` as a JSON string inside the JSON biz_content.
        data: JSON.stringify(data),
      }),
    })
    const result = await fetchText(
      this.options.gateway,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
        body: new URLSearchParams(params).toString(),
      },
      this.options.timeoutMs,
    )
    if ('error' in result) return { status: 'failed', reason: result.error }
    if (result.answer.status !== 200) return { status: 'failed', reason: `HTTP ${result.answer.status}` }
    return this.readAnswer(result.answer.text)
  }

  private readAnswer(text: string): SendOutcome {
    const members = topLevelMemberTexts(text)
    if (!members) return { status: 'failed', reason: 'answer is not a JSON object' }
    const nodeText = members.get(RESPONSE_KEY) ?? members.get('error_response')
    const node = nodeText === undefined ? null : parseJsonObject(nodeText)
    if (!node || nodeText === undefined) return { status: 'failed', reason: 'response node missing' }
    const code = String(node.code ?? '')
    const subCode = typeof node.sub_code === 'string' ? node.sub_code : ''
    if (code !== '10000') {
      return classify(code, subCode, describeAlipayError(node))
    }
    const sign = parseJsonObject(text)?.sign
    // Most likely a wrong ALIPAY_PUBLIC_KEY, and the message did go out: resending it would
    // repeat it to the user on every try, so it is neither retried nor counted as sent.
    if (typeof sign !== 'string' || !verifyText(nodeText, sign, this.alipayPublicKey)) {
      return { status: 'rejected', reason: 'success answer with an invalid signature (wrong ALIPAY_PUBLIC_KEY?)' }
    }
    return { status: 'sent' }
  }
}
