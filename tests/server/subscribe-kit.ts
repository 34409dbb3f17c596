import { generateKeyPairSync } from 'node:crypto'
import type { Queryable } from '../../server/kernel/db/db'
import type { ReminderSenders } from '../../server/kernel/notify/default-senders'
import { AlipayTemplateSender } from '../../server/kernel/notify/alipay-template'
import { WechatSubscribeSender } from '../../server/kernel/notify/wechat-subscribe'
import { sendJson, startFakeHttpServer, type FakeHttpServer } from './fake-http-server'

/** A local WeChat for the subscribe-message suites: stable_token, and subscribe/send with a chosen answer. */

export interface FakeWechat {
  server: FakeHttpServer
  /** what subscribe/send answers from now on */
  answer: object
  /** the subscribe/send bodies that reached WeChat for `openid` */
  sendsTo(openid: string): { template_id: string; page: string; data: Record<string, { value: string }> }[]
  close(): Promise<void>
}

export async function startFakeWechat(): Promise<FakeWechat> {
  const server = await startFakeHttpServer()
  const fake: FakeWechat = {
    server,
    answer: { errcode: 0, errmsg: 'ok' },
    sendsTo: (openid) =>
      server.requests
        .filter((request) => request.url.pathname === '/cgi-bin/message/subscribe/send')
        .map((request) => JSON.parse(request.body))
        .filter((body) => body.touser === openid),
    close: () => server.close(),
  }
  server.reply = (request, response) => {
    if (request.url.pathname === '/cgi-bin/stable_token') sendJson(response, { access_token: 'tok', expires_in: 7200 })
    else sendJson(response, fake.answer)
  }
  return fake
}

/** The real senders, WeChat pointed at the fake; Alipay configured against a gateway nobody answers. */
export function sendersFor(wechat: FakeWechat): ReminderSenders {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const der = (key: typeof keys.privateKey, type: 'pkcs8' | 'spki') =>
    key.export({ format: 'der', type } as never).toString('base64')
  return {
    wechat: new WechatSubscribeSender({
      appId: 'wx-app',
      secret: 'wx-secret',
      apiBase: wechat.server.baseUrl,
      timeoutMs: 2000,
      retry: { attempts: 3, baseDelayMs: 1 },
    }),
    alipay: new AlipayTemplateSender({
      appId: '2021000000000001',
      privateKey: der(keys.privateKey, 'pkcs8'),
      alipayPublicKey: der(keys.publicKey, 'spki'),
      gateway: `${wechat.server.baseUrl}/alipay-gateway.do`,
      timeoutMs: 2000,
      retry: { attempts: 1, baseDelayMs: 1 },
    }),
  }
}

/** `count` accepted one-time subscriptions of `templateId` on WeChat. */
export async function subscribe(db: Queryable, userId: string, templateId: string, count = 1): Promise<void> {
  await db.query(
    `insert into subscriptions (user_id, platform, template_id, result, remaining) values ($1, 'weapp', $2, 'accept', $3)
     on conflict (user_id, platform, template_id) do update set remaining = excluded.remaining`,
    [userId, templateId, count],
  )
}

export async function remaining(db: Queryable, userId: string, templateId: string): Promise<number> {
  const { rows } = await db.query<{ remaining: number }>(
    `select remaining from subscriptions where user_id = $1 and platform = 'weapp' and template_id = $2`,
    [userId, templateId],
  )
  return rows[0]?.remaining ?? 0
}

let serial = 0
export const freshOpenid = () => `o-test-${process.pid}-${++serial}`
