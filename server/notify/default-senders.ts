import type { Config } from '../config'
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
  const { wechat, alipay, providerTimeoutMs: timeoutMs } = config
  if (wechat.appId && wechat.secret) {
    senders.wechat = new WechatSubscribeSender({
      appId: wechat.appId,
      secret: wechat.secret,
      apiBase: wechat.apiBase,
      miniprogramState: wechat.miniprogramState,
      timeoutMs,
    })
  }
  if (alipay.appId && alipay.privateKey && alipay.publicKey) {
    senders.alipay = new AlipayTemplateSender({
      appId: alipay.appId,
      privateKey: alipay.privateKey,
      alipayPublicKey: alipay.publicKey,
      gateway: alipay.gateway,
      timeoutMs,
    })
  }
  return senders
}
