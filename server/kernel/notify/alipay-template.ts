import { AlipayGateway, describeAlipayError, type AlipayGatewayOptions } from '../auth/providers/alipay-gateway'
import {
  DEFAULT_RETRY,
  withRetry,
  type OutgoingMessage,
  type MessageSender,
  type RetryPolicy,
  type SendOutcome,
} from './sender'

export interface AlipayTemplateOptions extends AlipayGatewayOptions {
  retry?: RetryPolicy
}

const METHOD = 'alipay.open.app.mini.templatemessage.send'

/** 2088 + 12 digits is a user_id; anything else an open_id (apps created since 2023 get those). */
const USER_ID = /^2088\d{12}$/

/**
 * How a failed answer is treated. Gateway codes (https://opendocs.alipay.com/common/02km9f):
 * 20000 service unavailable and isp.* sub-codes are the platform's trouble (retry); 20001 auth,
 * 40001/40002 parameters, 40006 permissions are ours (no retry). For 40004 (business failure) the
 * sub-code decides: a subscription missing or used up is the user's answer; limits are transient.
 */
function classify(node: Record<string, unknown> | null): SendOutcome {
  const code = String(node?.code ?? '')
  const subCode = typeof node?.sub_code === 'string' ? node.sub_code : ''
  const reason = describeAlipayError(node)
  if (code === '20000' || subCode.startsWith('isp.') || /SYSTEM_ERROR|UNKNOW|BUSY|LIMIT/i.test(subCode)) {
    return { status: 'failed', reason }
  }
  if (code === '40004' && /SUBSCRIBE|REFUSE|REJECT|QUOTA|TIMES/i.test(subCode)) return { status: 'refused', reason }
  return { status: 'rejected', reason }
}

/**
 * 小程序发送模板消息 alipay.open.app.mini.templatemessage.send through the shared AlipayGateway
 * (../auth/providers/alipay-gateway.ts), which signs the request and verifies the answer.
 */
export class AlipayTemplateSender implements MessageSender {
  private readonly gateway: AlipayGateway

  constructor(private readonly options: AlipayTemplateOptions) {
    this.gateway = new AlipayGateway(options)
  }

  send(message: OutgoingMessage): Promise<SendOutcome> {
    return withRetry(this.options.retry ?? DEFAULT_RETRY, () => this.attempt(message))
  }

  private async attempt(message: OutgoingMessage): Promise<SendOutcome> {
    const data = Object.fromEntries(message.fields.map((field) => [field.name, { value: field.value }]))
    const recipient = USER_ID.test(message.toUser) ? { to_user_id: message.toUser } : { to_open_id: message.toUser }
    const result = await this.gateway.attempt(METHOD, {
      biz_content: JSON.stringify({
        ...recipient,
        user_template_id: message.templateId,
        page: message.page,
        // The gateway wants `data` as a JSON string inside the JSON biz_content.
        data: JSON.stringify(data),
      }),
    })
    if (result.kind === 'unreachable') return { status: 'failed', reason: result.reason }
    // Most likely a wrong ALIPAY_PUBLIC_KEY, and the message may well have gone out: resending it
    // would repeat it to the user on every try, so it is neither retried nor counted as sent.
    if (result.kind === 'unverified') return { status: 'rejected', reason: result.reason }
    return result.answer.ok ? { status: 'sent' } : classify(result.answer.node)
  }
}
