import { createSign, createVerify, generateKeyPairSync } from 'node:crypto'
import { AlipayLoginClient, alipayTimestamp } from '../../server/kernel/auth/providers/alipay'
import { signingString, topLevelMemberTexts } from '../../server/kernel/auth/providers/alipay-signature'
import { apiFailure, deadBaseUrl, sendJson, startFakeHttpServer, type FakeHttpServer } from './fake-http-server'

/** Keys as Alipay's key tool prints them: bare base64 DER, PKCS#8 private and X.509 public. */
function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  return {
    privateKey,
    publicKey,
    privateBase64: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    publicBase64: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  }
}

const app = keyPair() // our application's key pair
const alipay = keyPair() // the gateway's key pair
const impostor = keyPair()

let gateway: FakeHttpServer

const client = (gatewayUrl = `${gateway.baseUrl}/gateway.do`, timeoutMs = 2000) =>
  new AlipayLoginClient({
    appId: '2021000000000001',
    privateKey: app.privateBase64,
    alipayPublicKey: alipay.publicBase64,
    gateway: gatewayUrl,
    timeoutMs,
    now: () => new Date('2025-03-01T16:30:05Z'),
  })

/** The gateway's answer: the response node exactly as sent, signed with `signer`. */
function signedAnswer(node: object, signer = alipay.privateKey, tamper?: (nodeText: string) => string): string {
  const nodeText = JSON.stringify(node)
  const sign = createSign('RSA-SHA256').update(nodeText, 'utf8').sign(signer, 'base64')
  return `{"alipay_system_oauth_token_response":${tamper ? tamper(nodeText) : nodeText},"sign":"${sign}"}`
}

const TOKEN_NODE = {
  user_id: '2088000000000001',
  open_id: 'open-abc',
  access_token: 'tok',
  expires_in: 1296000,
  re_expires_in: 2592000,
}

beforeAll(async () => {
  gateway = await startFakeHttpServer()
})
afterAll(() => gateway.close())
beforeEach(() => {
  gateway.requests.length = 0
})

describe('alipay.system.oauth.token client', () => {
  it('posts a correctly signed form and returns the open_id', async () => {
    gateway.reply = (_request, response) => sendJson(response, signedAnswer(TOKEN_NODE))
    await expect(client().exchangeCode('auth-code-1')).resolves.toEqual({
      kind: 'platform',
      platform: 'alipay',
      subject: 'open-abc',
    })

    const [request] = gateway.requests
    expect(request.method).toBe('POST')
    expect(request.url.pathname).toBe('/gateway.do')
    expect(request.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/)
    const form = Object.fromEntries(new URLSearchParams(request.body))
    expect(form).toMatchObject({
      app_id: '2021000000000001',
      method: 'alipay.system.oauth.token',
      format: 'JSON',
      charset: 'utf-8',
      sign_type: 'RSA2',
      timestamp: '2025-03-02 00:30:05',
      version: '1.0',
      grant_type: 'authorization_code',
      code: 'auth-code-1',
    })
    // What the real gateway does: verify our signature with the app public key.
    const verified = createVerify('RSA-SHA256')
      .update(signingString(form), 'utf8')
      .verify(app.publicKey, form.sign, 'base64')
    expect(verified).toBe(true)
  })

  it('falls back to user_id for apps without open_id', async () => {
    gateway.reply = (_request, response) =>
      sendJson(response, signedAnswer({ user_id: '2088000000000002', access_token: 't' }))
    await expect(client().exchangeCode('c')).resolves.toMatchObject({ subject: '2088000000000002' })
  })

  it.each(['isv.code-invalid', 'isv.code-expired'])('maps error_response %s to LOGIN_CODE_INVALID', async (subCode) => {
    gateway.reply = (_request, response) =>
      sendJson(response, {
        error_response: { code: '40002', msg: 'Invalid Arguments', sub_code: subCode, sub_msg: '授权码code无效' },
        sign: 'x',
      })
    expect(await apiFailure(client().exchangeCode('c'))).toEqual({ code: 'LOGIN_CODE_INVALID', status: 401 })
  })

  it('maps other gateway errors to unavailable', async () => {
    gateway.reply = (_request, response) =>
      sendJson(response, {
        error_response: { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-signature' },
      })
    expect(await apiFailure(client().exchangeCode('c'))).toEqual({ code: 'LOGIN_PROVIDER_UNAVAILABLE', status: 503 })
  })

  it('rejects a response signed with another key', async () => {
    gateway.reply = (_request, response) => sendJson(response, signedAnswer(TOKEN_NODE, impostor.privateKey))
    expect(await apiFailure(client().exchangeCode('c'))).toEqual({ code: 'LOGIN_PROVIDER_UNAVAILABLE', status: 503 })
  })

  it('rejects a response altered after signing', async () => {
    gateway.reply = (_request, response) =>
      sendJson(
        response,
        signedAnswer(TOKEN_NODE, alipay.privateKey, (text) => text.replace('open-abc', 'open-evil')),
      )
    expect(await apiFailure(client().exchangeCode('c'))).toEqual({ code: 'LOGIN_PROVIDER_UNAVAILABLE', status: 503 })
  })

  it('rejects an unsigned success response', async () => {
    gateway.reply = (_request, response) => sendJson(response, { alipay_system_oauth_token_response: TOKEN_NODE })
    expect(await apiFailure(client().exchangeCode('c'))).toEqual({ code: 'LOGIN_PROVIDER_UNAVAILABLE', status: 503 })
  })

  it('treats HTTP errors, timeouts and refused connections as unavailable', async () => {
    gateway.reply = (_request, response) => sendJson(response, 'Bad Gateway', 502)
    expect(await apiFailure(client().exchangeCode('c'))).toEqual({ code: 'LOGIN_PROVIDER_UNAVAILABLE', status: 503 })
    gateway.reply = () => undefined
    expect(await apiFailure(client(`${gateway.baseUrl}/gateway.do`, 200).exchangeCode('c'))).toEqual({
      code: 'LOGIN_PROVIDER_UNAVAILABLE',
      status: 503,
    })
    expect(await apiFailure(client(`${await deadBaseUrl()}/gateway.do`).exchangeCode('c'))).toEqual({
      code: 'LOGIN_PROVIDER_UNAVAILABLE',
      status: 503,
    })
  })

  it('accepts PEM keys with escaped newlines, as they often arrive through env files', () => {
    const pem = (app.privateKey.export({ format: 'pem', type: 'pkcs1' }) as string).replace(/\n/g, '\\n')
    expect(
      () =>
        new AlipayLoginClient({
          appId: 'a',
          privateKey: pem,
          alipayPublicKey: alipay.publicBase64,
          gateway: 'http://x',
          timeoutMs: 1,
        }),
    ).not.toThrow()
  })
})

describe('Alipay signing helpers', () => {
  it('signs non-empty params except sign, sorted by key', () => {
    expect(signingString({ b: '2', a: '1', sign: 's', empty: '', c: 'x=y&z' })).toBe('a=1&b=2&c=x=y&z')
  })

  it('formats the timestamp in Beijing time', () => {
    expect(alipayTimestamp(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01 00:00:00')
  })

  it('extracts member text exactly as sent, including nested braces and escapes', () => {
    const text = ' { "r" : {"a":"}\\"{","b":[1,{"c":2}]} , "sign":"abc" } '
    const members = topLevelMemberTexts(text)
    expect(members?.get('r')).toBe('{"a":"}\\"{","b":[1,{"c":2}]}')
    expect(members?.get('sign')).toBe('"abc"')
    expect(topLevelMemberTexts('[1]')).toBeNull()
    expect(topLevelMemberTexts('{"a":{')).toBeNull()
  })
})
