import type { Config } from '../config'
import { alipayGatewayOptions, wechatCredentials } from '../auth/providers/platform-credentials'
import { AlipayTemplateSender } from './alipay-template'
import type { MessageSender } from './sender'
import { WechatSubscribeSender } from './wechat-subscribe'

/** The platform senders of every notice (licence reminders, 新政策, 诉求进展, …). */
export interface MessageSenders {
  wechat?: MessageSender
  alipay?: MessageSender
}

/** Senders from configuration: a platform without credentials sends nothing (the inbox still does). */
export function buildMessageSenders(config: Config): MessageSenders {
  const senders: MessageSenders = {}
  const wechat = wechatCredentials(config)
  if (wechat)
    senders.wechat = new WechatSubscribeSender({ ...wechat, miniprogramState: config.wechat.miniprogramState })
  const alipay = alipayGatewayOptions(config)
  if (alipay) senders.alipay = new AlipayTemplateSender(alipay)
  return senders
}

/** Former names, kept so code written against them compiles. */
export type ReminderSenders = MessageSenders
export const buildReminderSenders = buildMessageSenders
