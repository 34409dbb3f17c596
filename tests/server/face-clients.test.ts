import { createSign, generateKeyPairSync } from 'node:crypto'
import { AlipayFaceClient } from '../../server/capabilities/esign/face/alipay-face'
import { WechatFaceClient, wechatCertHash } from '../../server/capabilities/esign/face/wechat-face'
import { signingString } from '../../server/kernel/auth/providers/alipay-signature'
import { apiFailure, deadBaseUrl, sendJson, startFakeHttpServer, type FakeHttpServer } from './fake-http-server'

const PERSON = { name: '张建国', idNumber: '411002197803150371' }
const REFERENCE = '0123456789abcdef0123456789abcdef'

let fake: FakeHttpServer
beforeAll(async () => {
  fake = await startFakeHttpServer()
})
afterAll(() => fake.close())
beforeEach(() => {
  fake.requests.length = 0
})

describe('WeChat 人脸核身 client', () => {
  const client = (apiBase = fake.baseUrl) =>
    new WechatFaceClient({ appId: 'wx1', secret: 's3cret', apiBase, timeoutMs: 2000 })

  /** A WeChat stand-in: stable_token, getverifyid and queryverifyinfo, with a verify_ret of choice. */
  function wechat(options: { verifyRet?: number; queryErrcode?: number; staleFirst?: boolean } = {}) {
    let tokens = 0
    let staleSent = false
    fake.reply = (request, response) => {
      const body = request.body ? JSON.parse(request.body) : {}
      if (request.url.pathname === '/cgi-bin/stable_token') {
        tokens++
        return sendJson(response, { access_token: `token-${tokens}`, expires_in: 7200 })
      }
      if (options.staleFirst && !staleSent) {
        staleSent = true
        return sendJson(response, { errcode: 42001, errmsg: 'access_token expired' })
      }
      if (request.url.pathname === '/cityservice/face/identify/getverifyid') {
        return sendJson(response, {
          errcode: 0,
          errmsg: 'ok',
          verify_id: `verify-for-${body.out_seq_no}`,
          expires_in: 3600,
        })
      }
      if (request.url.pathname === '/cityservice/face/identify/queryverifyinfo') {
        return sendJson(response, {
          errcode: options.queryErrcode ?? 0,
          errmsg: 'ok',
          verify_ret: options.verifyRet ?? 10000,
        })
      }
      sendJson(response, { errcode: 404 }, 404)
    }
  }

  it('computes cert_hash as documented (张三 / 310101199801011234 example)', () => {
    expect(wechatCertHash({ name: '张三', idNumber: '310101199801011234' })).toBe(
      '3c241f7ff324977aeb91f173bb2a7b06569e6fd784d5573db34a636d8671108b',
    )
  })

  it('gets a verifyId with a stable access token, and passes only on verify_ret 10000', async () => {
    wechat()
    const started = await client().start({ person: PERSON, reference: REFERENCE, openid: 'openid-1' })
    expect(started.clientParams).toEqual({ verifyId: `verify-for-${REFERENCE}` })

    const [token, getVerifyId] = fake.requests
    expect(token.method).toBe('POST')
    expect(JSON.parse(token.body)).toEqual({
      grant_type: 'client_credential',
      appid: 'wx1',
      secret: 's3cret',
      force_refresh: false,
    })
    expect(getVerifyId.url.searchParams.get('access_token')).toBe('token-1')
    expect(JSON.parse(getVerifyId.body)).toEqual({
      out_seq_no: REFERENCE,
      cert_info: { cert_type: 'IDENTITY_CARD', cert_name: '张建国', cert_no: '411002197803150371' },
      openid: 'openid-1',
    })

    const client2 = client()
    await expect(client2.verdict(started.state)).resolves.toEqual({ outcome: 'passed' })
    const query = fake.requests[fake.requests.length - 1]
    expect(query.url.pathname).toBe('/cityservice/face/identify/queryverifyinfo')
    expect(JSON.parse(query.body)).toEqual({
      verify_id: `verify-for-${REFERENCE}`,
      out_seq_no: REFERENCE,
      cert_hash: wechatCertHash(PERSON),
      openid: 'openid-1',
    })
  })

  test.each([
    [10003, { outcome: 'mismatch' }],
    [10004, { outcome: 'mismatch' }],
    [90002, { outcome: 'cancelled', byUser: true }],
    [90024, { outcome: 'cancelled', byUser: true }],
    [90008, { outcome: 'cancelled', byUser: false }],
  ])('reads verify_ret %d as %o', async (verifyRet, expected) => {
    wechat({ verifyRet })
    await expect(
      client().verdict({ verifyId: 'v', outSeqNo: REFERENCE, certHash: 'h', openid: 'o' }),
    ).resolves.toMatchObject(expected)
  })

  it('fails as a provider error on errcode ≠ 0 or verify_ret 10001, never as a pass', async () => {
    wechat({ queryErrcode: 61000 })
    await expect(
      apiFailure(client().verdict({ verifyId: 'v', outSeqNo: REFERENCE, certHash: 'h', openid: 'o' })),
    ).resolves.toEqual({
      code: 'FACE_PROVIDER_ERROR',
      status: 502,
    })
    wechat({ verifyRet: 10001 })
    await expect(
      apiFailure(client().verdict({ verifyId: 'v', outSeqNo: REFERENCE, certHash: 'h', openid: 'o' })),
    ).resolves.toMatchObject({
      code: 'FACE_PROVIDER_ERROR',
    })
  })

  it('fetches a fresh token once when WeChat says the cached one is stale', async () => {
    wechat({ staleFirst: true })
    const started = await client().start({ person: PERSON, reference: REFERENCE, openid: 'openid-1' })
    expect(started.clientParams.verifyId).toBe(`verify-for-${REFERENCE}`)
    const tokenRequests = fake.requests.filter((r) => r.url.pathname === '/cgi-bin/stable_token')
    expect(tokenRequests.map((r) => JSON.parse(r.body).force_refresh)).toEqual([false, true])
  })

  it('needs the WeChat openid, and reports an unreachable WeChat as a provider error', async () => {
    await expect(apiFailure(client().start({ person: PERSON, reference: REFERENCE }))).resolves.toEqual({
      code: 'FACE_UNAVAILABLE',
      status: 503,
    })
    const dead = client(await deadBaseUrl())
    await expect(apiFailure(dead.start({ person: PERSON, reference: REFERENCE, openid: 'o' }))).resolves.toEqual({
      code: 'FACE_PROVIDER_ERROR',
      status: 502,
    })
  })
})

describe('支付宝身份验证 client', () => {
  const keys = () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    return {
      privateKey,
      privateBase64: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
      publicBase64: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    }
  }
  const app = keys()
  const alipay = keys()
  const impostor = keys()

  const client = () =>
    new AlipayFaceClient({
      appId: '2021000000000001',
      privateKey: app.privateBase64,
      alipayPublicKey: alipay.publicBase64,
      gateway: `${fake.baseUrl}/gateway.do`,
      timeoutMs: 2000,
      returnUrl: 'https://zqt.example.gov.cn/face/return',
      now: () => new Date('2025-03-01T16:30:05Z'),
    })

  function signed(method: string, node: object, signer = alipay.privateKey): string {
    const nodeText = JSON.stringify(node)
    const sign = createSign('RSA-SHA256').update(nodeText, 'utf8').sign(signer, 'base64')
    return `{"${method.replace(/\./g, '_')}_response":${nodeText},"sign":"${sign}"}`
  }

  function gateway(queryNode: object, signer = alipay.privateKey) {
    fake.reply = (request, response) => {
      const form = Object.fromEntries(new URLSearchParams(request.body))
      if (form.method === 'alipay.user.certify.open.initialize') {
        return sendJson(response, signed(form.method, { code: '10000', msg: 'Success', certify_id: 'cert-123' }))
      }
      sendJson(response, signed(form.method, queryNode, signer))
    }
  }

  it('initialises a certification with the person and a signed request; hands the client a signed certify URL', async () => {
    gateway({ code: '10000', msg: 'Success', passed: 'T' })
    const started = await client().start({ person: PERSON, reference: REFERENCE })
    expect(started.clientParams.certifyId).toBe('cert-123')
    const url = new URL(started.clientParams.certifyUrl!)
    expect(url.searchParams.get('method')).toBe('alipay.user.certify.open.certify')
    expect(JSON.parse(url.searchParams.get('biz_content')!)).toEqual({ certify_id: 'cert-123' })
    expect(url.searchParams.get('sign')).toBeTruthy()

    const form = Object.fromEntries(new URLSearchParams(fake.requests[0].body))
    expect(form).toMatchObject({
      app_id: '2021000000000001',
      method: 'alipay.user.certify.open.initialize',
      sign_type: 'RSA2',
    })
    expect(JSON.parse(form.biz_content)).toEqual({
      outer_order_no: REFERENCE,
      biz_code: 'FACE',
      identity_param: {
        identity_type: 'CERT_INFO',
        cert_type: 'IDENTITY_CARD',
        cert_name: '张建国',
        cert_no: '411002197803150371',
      },
      merchant_config: { return_url: 'https://zqt.example.gov.cn/face/return' },
    })
    // The request is signed with our key over the documented signing string.
    const verify = require('node:crypto').createVerify('RSA-SHA256').update(signingString(form), 'utf8')
    expect(verify.verify(require('node:crypto').createPublicKey(app.privateKey), form.sign, 'base64')).toBe(true)
  })

  it('passes only when the signed query says passed = T', async () => {
    gateway({ code: '10000', msg: 'Success', passed: 'T' })
    await expect(client().verdict({ certifyId: 'cert-123' }, undefined)).resolves.toEqual({ outcome: 'passed' })
    const form = Object.fromEntries(new URLSearchParams(fake.requests[0].body))
    expect(form.method).toBe('alipay.user.certify.open.query')
    expect(JSON.parse(form.biz_content)).toEqual({ certify_id: 'cert-123' })
  })

  it('reads passed = F as a mismatch, or a cancellation when the client cancelled (6001)', async () => {
    gateway({ code: '10000', msg: 'Success', passed: 'F' })
    await expect(client().verdict({ certifyId: 'c' }, { resultStatus: '9000' })).resolves.toMatchObject({
      outcome: 'mismatch',
    })
    await expect(client().verdict({ certifyId: 'c' }, { resultStatus: '6001' })).resolves.toMatchObject({
      outcome: 'cancelled',
    })
  })

  it('refuses a forged "passed" (bad signature) and error answers as provider errors', async () => {
    gateway({ code: '10000', msg: 'Success', passed: 'T' }, impostor.privateKey)
    await expect(apiFailure(client().verdict({ certifyId: 'c' }, { resultStatus: '9000' }))).resolves.toEqual({
      code: 'FACE_PROVIDER_ERROR',
      status: 502,
    })
    gateway({ code: '40004', msg: 'Business Failed', sub_code: 'CERTIFY_ID_INVALID' })
    await expect(apiFailure(client().verdict({ certifyId: 'c' }, undefined))).resolves.toMatchObject({
      code: 'FACE_PROVIDER_ERROR',
    })
  })
})
