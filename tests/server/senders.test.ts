import { createSign, createVerify, generateKeyPairSync } from 'node:crypto'
import { signingString } from '../../server/kernel/auth/providers/alipay-signature'
import { AlipayTemplateSender } from '../../server/kernel/notify/alipay-template'
import type { OutgoingMessage } from '../../server/kernel/notify/sender'
import { WechatSubscribeSender } from '../../server/kernel/notify/wechat-subscribe'
import {
  deadBaseUrl,
  sendJson,
  startFakeHttpServer,
  type FakeHttpServer,
  type RecordedRequest,
} from './fake-http-server'

const FAST_RETRY = { attempts: 3, baseDelayMs: 1 }

const message = (toUser: string): OutgoingMessage => ({
  toUser,
  templateId: 'tpl-licence',
  page: 'packages/licences/pages/detail/index?id=abc',
  fields: [
    { name: 'thing1', value: '食品生产许可证' },
    { name: 'date3', value: '2026年03月17日' },
  ],
})

let fake: FakeHttpServer

beforeAll(async () => {
  fake = await startFakeHttpServer()
})
afterAll(() => fake.close())
beforeEach(() => {
  fake.requests.length = 0
})

describe('WeChat subscribe/send', () => {
  let clock = 0
  const sender = (apiBase = fake.baseUrl) =>
    new WechatSubscribeSender({
      appId: 'wx-app',
      secret: 'wx-secret',
      apiBase,
      timeoutMs: 2000,
      miniprogramState: 'trial',
      retry: FAST_RETRY,
      now: () => clock,
    })

  const tokenCalls = () => fake.requests.filter((r) => r.url.pathname === '/cgi-bin/stable_token')
  const sendCalls = () => fake.requests.filter((r) => r.url.pathname === '/cgi-bin/message/subscribe/send')

  /** A WeChat that issues tok-1, tok-2… and answers sends with `sendAnswer`. */
  function wechat(sendAnswer: (request: RecordedRequest, call: number) => object) {
    let tokens = 0
    let sends = 0
    fake.reply = (request, response) => {
      if (request.url.pathname === '/cgi-bin/stable_token') {
        sendJson(response, { access_token: `tok-${++tokens}`, expires_in: 7200 })
      } else {
        sendJson(response, sendAnswer(request, ++sends))
      }
    }
  }

  it('fetches one token for many sends and posts the message as WeChat expects', async () => {
    wechat(() => ({ errcode: 0, errmsg: 'ok' }))
    const client = sender()
    const outcomes = await Promise.all([1, 2, 3, 4, 5].map((i) => client.send(message(`o-${i}`))))
    expect(outcomes.every((o) => o.status === 'sent')).toBe(true)
    expect(tokenCalls()).toHaveLength(1)
    expect(tokenCalls()[0].method).toBe('POST')
    expect(JSON.parse(tokenCalls()[0].body)).toEqual({
      grant_type: 'client_credential',
      appid: 'wx-app',
      secret: 'wx-secret',
      force_refresh: false,
    })
    expect(sendCalls()).toHaveLength(5)
    const first = sendCalls()[0]
    expect(first.method).toBe('POST')
    expect(first.url.searchParams.get('access_token')).toBe('tok-1')
    expect(JSON.parse(first.body)).toEqual({
      touser: expect.stringMatching(/^o-\d$/),
      template_id: 'tpl-licence',
      page: 'packages/licences/pages/detail/index?id=abc',
      data: { thing1: { value: '食品生产许可证' }, date3: { value: '2026年03月17日' } },
      miniprogram_state: 'trial',
      lang: 'zh_CN',
    })
  })

  it('fetches a new token shortly before the old one expires', async () => {
    wechat(() => ({ errcode: 0 }))
    const client = sender()
    clock = 0
    await client.send(message('o-1'))
    clock = (7200 - 60) * 1000 // within the refresh margin
    await client.send(message('o-1'))
    expect(tokenCalls()).toHaveLength(2)
    expect(sendCalls()[1].url.searchParams.get('access_token')).toBe('tok-2')
    clock = 0
  })

  it('refreshes the token once when WeChat says it is invalid (40001), then sends', async () => {
    wechat((_request, call) => (call === 1 ? { errcode: 40001, errmsg: 'invalid credential' } : { errcode: 0 }))
    expect(await sender().send(message('o-1'))).toEqual({ status: 'sent' })
    expect(tokenCalls()).toHaveLength(2)
    expect(sendCalls().map((r) => r.url.searchParams.get('access_token'))).toEqual(['tok-1', 'tok-2'])
    // The second token is asked for with force_refresh: without it stable_token returns the stale one.
    expect(tokenCalls().map((r) => JSON.parse(r.body).force_refresh)).toEqual([false, true])
  })

  it('does not retry a refusal (43101) or bad data (47003)', async () => {
    wechat(() => ({ errcode: 43101, errmsg: 'user refuse to accept the msg' }))
    expect(await sender().send(message('o-1'))).toMatchObject({
      status: 'refused',
      reason: expect.stringContaining('43101'),
    })
    expect(sendCalls()).toHaveLength(1)
    fake.requests.length = 0
    wechat(() => ({ errcode: 47003, errmsg: 'argument invalid! data.thing1.value' }))
    expect(await sender().send(message('o-1'))).toMatchObject({ status: 'rejected' })
    expect(sendCalls()).toHaveLength(1)
  })

  it('retries system busy (-1) with backoff and succeeds', async () => {
    wechat((_request, call) => (call < 3 ? { errcode: -1, errmsg: 'system error' } : { errcode: 0 }))
    expect(await sender().send(message('o-1'))).toEqual({ status: 'sent' })
    expect(sendCalls()).toHaveLength(3)
  })

  it('gives up after 3 tries', async () => {
    wechat(() => ({ errcode: 45009, errmsg: 'reach max api daily quota limit' }))
    expect(await sender().send(message('o-1'))).toMatchObject({
      status: 'failed',
      reason: expect.stringContaining('45009'),
    })
    expect(sendCalls()).toHaveLength(3)
  })

  it('treats HTTP errors, garbage and a dead network as transient failures', async () => {
    fake.reply = (_request, response) => sendJson(response, '<html>502</html>', 502)
    expect((await sender().send(message('o-1'))).status).toBe('failed')
    expect(tokenCalls()).toHaveLength(3)
    expect((await sender(await deadBaseUrl()).send(message('o-1'))).status).toBe('failed')
  })

  it('reports a token WeChat refuses to issue (bad secret) as a failure', async () => {
    fake.reply = (_request, response) => sendJson(response, { errcode: 40125, errmsg: 'invalid appsecret' })
    expect(await sender().send(message('o-1'))).toMatchObject({
      status: 'failed',
      reason: expect.stringContaining('40125'),
    })
    expect(sendCalls()).toHaveLength(0)
  })
})

describe('Alipay templatemessage.send', () => {
  function keyPair() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    return {
      privateKey,
      publicKey,
      privateBase64: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
      publicBase64: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    }
  }
  const ours = keyPair()
  const gateway = keyPair()
  const impostor = keyPair()
  const RESPONSE_KEY = 'alipay_open_app_mini_templatemessage_send_response'

  const sender = () =>
    new AlipayTemplateSender({
      appId: '2021000000000001',
      privateKey: ours.privateBase64,
      alipayPublicKey: gateway.publicBase64,
      gateway: `${fake.baseUrl}/gateway.do`,
      timeoutMs: 2000,
      retry: FAST_RETRY,
      now: () => new Date('2026-03-10T00:30:00Z'),
    })

  function answer(node: object, signer = gateway.privateKey): string {
    const nodeText = JSON.stringify(node)
    const sign = createSign('RSA-SHA256').update(nodeText, 'utf8').sign(signer, 'base64')
    return `{"${RESPONSE_KEY}":${nodeText},"sign":"${sign}"}`
  }

  const ok = { code: '10000', msg: 'Success' }

  it('posts a signed request with biz_content as the gateway expects', async () => {
    fake.reply = (_request, response) => sendJson(response, answer(ok))
    expect(await sender().send(message('2088102122458832'))).toEqual({ status: 'sent' })
    const form = Object.fromEntries(new URLSearchParams(fake.requests[0].body))
    expect(form).toMatchObject({
      app_id: '2021000000000001',
      method: 'alipay.open.app.mini.templatemessage.send',
      sign_type: 'RSA2',
      charset: 'utf-8',
      timestamp: '2026-03-10 08:30:00',
      version: '1.0',
    })
    const verified = createVerify('RSA-SHA256')
      .update(signingString(form), 'utf8')
      .verify(ours.publicKey, form.sign, 'base64')
    expect(verified).toBe(true)
    const biz = JSON.parse(form.biz_content)
    expect(biz).toEqual({
      to_user_id: '2088102122458832',
      user_template_id: 'tpl-licence',
      page: 'packages/licences/pages/detail/index?id=abc',
      data: expect.any(String),
    })
    expect(JSON.parse(biz.data)).toEqual({ thing1: { value: '食品生产许可证' }, date3: { value: '2026年03月17日' } })
  })

  it('addresses an open_id user by to_open_id', async () => {
    fake.reply = (_request, response) => sendJson(response, answer(ok))
    await sender().send(message('074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5'))
    const biz = JSON.parse(new URLSearchParams(fake.requests[0].body).get('biz_content') ?? '{}')
    expect(biz.to_open_id).toBe('074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5')
    expect(biz.to_user_id).toBeUndefined()
  })

  it('retries the gateway being unavailable, then succeeds', async () => {
    let calls = 0
    fake.reply = (_request, response) =>
      sendJson(
        response,
        ++calls < 3
          ? answer({ code: '20000', msg: 'Service Currently Unavailable', sub_code: 'isp.unknow-error' })
          : answer(ok),
      )
    expect(await sender().send(message('2088102122458832'))).toEqual({ status: 'sent' })
    expect(fake.requests).toHaveLength(3)
  })

  it('does not retry a user without a subscription, nor a rejected message', async () => {
    fake.reply = (_request, response) =>
      sendJson(response, answer({ code: '40004', msg: 'Business Failed', sub_code: 'USER_NOT_SUBSCRIBE' }))
    expect((await sender().send(message('2088102122458832'))).status).toBe('refused')
    expect(fake.requests).toHaveLength(1)
    fake.requests.length = 0
    fake.reply = (_request, response) =>
      sendJson(response, answer({ code: '40004', msg: 'Business Failed', sub_code: 'TEMPLATE_NOT_EXIST' }))
    expect((await sender().send(message('2088102122458832'))).status).toBe('rejected')
    expect(fake.requests).toHaveLength(1)
  })

  it('neither believes nor repeats a success it cannot verify', async () => {
    fake.reply = (_request, response) => sendJson(response, answer(ok, impostor.privateKey))
    expect(await sender().send(message('2088102122458832'))).toMatchObject({ status: 'rejected' })
    expect(fake.requests).toHaveLength(1)
  })
})
