import { WechatLoginClient } from '../../server/kernel/auth/providers/wechat'
import { apiFailure, deadBaseUrl, sendJson, startFakeHttpServer, type FakeHttpServer } from './fake-http-server'
import { createTestApp, expectError } from './helpers'

let wechat: FakeHttpServer

const client = (apiBase = wechat.baseUrl, timeoutMs = 2000) =>
  new WechatLoginClient({ appId: 'wx-test-app', secret: 'test-secret', apiBase, timeoutMs })

beforeAll(async () => {
  wechat = await startFakeHttpServer()
})
afterAll(() => wechat.close())
beforeEach(() => {
  wechat.requests.length = 0
})

describe('WeChat code2Session client', () => {
  it('sends appid, secret, js_code and grant_type and returns openid and unionid', async () => {
    wechat.reply = (_request, response) =>
      sendJson(response, { openid: 'o-123', unionid: 'u-9', session_key: 'secret-key' })
    await expect(client().exchangeCode('code-abc')).resolves.toEqual({
      kind: 'platform',
      platform: 'weapp',
      subject: 'o-123',
      unionId: 'u-9',
    })
    const [request] = wechat.requests
    expect(request.method).toBe('GET')
    expect(request.url.pathname).toBe('/sns/jscode2session')
    expect(Object.fromEntries(request.url.searchParams)).toEqual({
      appid: 'wx-test-app',
      secret: 'test-secret',
      js_code: 'code-abc',
      grant_type: 'authorization_code',
    })
  })

  it('accepts WeChat answering JSON as text/plain, without unionid', async () => {
    wechat.reply = (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' })
      response.end('{"openid":"o-7","session_key":"k"}')
    }
    await expect(client().exchangeCode('c')).resolves.toEqual({
      kind: 'platform',
      platform: 'weapp',
      subject: 'o-7',
      unionId: undefined,
    })
  })

  it.each([
    [40029, 'LOGIN_CODE_INVALID', 401],
    [40163, 'LOGIN_CODE_INVALID', 401],
    [45011, 'RATE_LIMITED', 429],
    [40226, 'FORBIDDEN', 403],
    [-1, 'LOGIN_PROVIDER_UNAVAILABLE', 503],
    [40125, 'LOGIN_PROVIDER_UNAVAILABLE', 503],
  ])('maps errcode %i to %s', async (errcode, code, status) => {
    wechat.reply = (_request, response) => sendJson(response, { errcode, errmsg: 'from fake' })
    expect(await apiFailure(client().exchangeCode('c'))).toEqual({ code, status })
  })

  it('treats HTTP errors and unreadable bodies as the provider being down', async () => {
    wechat.reply = (_request, response) => sendJson(response, { openid: 'o' }, 502)
    expect(await apiFailure(client().exchangeCode('c'))).toEqual({ code: 'LOGIN_PROVIDER_UNAVAILABLE', status: 503 })
    wechat.reply = (_request, response) => sendJson(response, '<html>busy</html>')
    expect(await apiFailure(client().exchangeCode('c'))).toEqual({ code: 'LOGIN_PROVIDER_UNAVAILABLE', status: 503 })
  })

  it('gives up after the timeout', async () => {
    wechat.reply = () => undefined // never answers
    const started = Date.now()
    expect(await apiFailure(client(wechat.baseUrl, 200).exchangeCode('c'))).toEqual({
      code: 'LOGIN_PROVIDER_UNAVAILABLE',
      status: 503,
    })
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('reports a refused connection as unavailable', async () => {
    expect(await apiFailure(client(await deadBaseUrl()).exchangeCode('c'))).toEqual({
      code: 'LOGIN_PROVIDER_UNAVAILABLE',
      status: 503,
    })
  })

  it('logs a weapp user in end to end through the configured client', async () => {
    wechat.reply = (request, response) =>
      request.url.searchParams.get('js_code') === 'good'
        ? sendJson(response, { openid: 'o-e2e', session_key: 'k' })
        : sendJson(response, { errcode: 40029, errmsg: 'invalid code' })
    const t = await createTestApp({
      config: { wechat: { appId: 'wx-test-app', secret: 'test-secret', apiBase: wechat.baseUrl } },
    })
    try {
      const ok = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { platform: 'weapp', code: 'good', consentVersion: '1' },
      })
      expect(ok.statusCode).toBe(200)
      expect(ok.body).not.toContain('session_key')
      const { rows } = await t.db.query('select subject from user_identities where user_id = $1', [ok.json().user.id])
      expect(rows).toEqual([{ subject: 'o-e2e' }])
      const bad = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { platform: 'weapp', code: 'bad', consentVersion: '1' },
      })
      expectError(bad, 401, 'LOGIN_CODE_INVALID')
    } finally {
      await t.close()
    }
  })
})
