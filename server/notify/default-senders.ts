import type { Config } from '../config'
import { alipayGatewayOptions, wechatCredentials } from '../auth/providers/platform-credentials'
import { AlipayTemplateSender } from './alipay-template'
import type { ReminderSender } from './sender'
import { WechatSubscribeSender } from './wechat-subscribe'

export interface ReminderSenders {
  wechat?: ReminderSender
  alipay?: ReminderSender
}

/** Senders from configuration: a platform without credentials sends nothing (the inbox still does). */
export function buildReminderSenders(config: Config): ReminderSenders {
  const senders: ReminderSenders = {}
  const wechat = wechatCredentials(config)
  if (wechat)
    senders.wechat = new WechatSubscribeSender({ ...wechat, miniprogramState: config.wechat.miniprogramState })
  const alipay = alipayGatewayOptions(config)
  if (alipay) senders.alipay = new AlipayTemplateSender(alipay)
  return senders
}
