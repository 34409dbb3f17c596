import type { FastifyInstance } from 'fastify'
import * as endpoints from '../../src/contract/esign/endpoints'
import { requestOf } from './contract-request'
import QRCode from 'qrcode'
import {
  certificateSignedBy,
  issueCertificate,
  newSerialHex,
  readCertificate,
} from '../../server/capabilities/esign/pki/certificates'
import { fromPem } from '../../server/capabilities/esign/pki/der'
import { parseSesSignature, sesSignatureDer, tbsSignDer } from '../../server/capabilities/esign/pki/ses'
import { canonicalJson } from '../../server/capabilities/esign/signing/verification-receipt'
import { generateSm2KeyPair, sm2Sign, sm2Verify, sm3Hex } from '../../server/capabilities/esign/signing/sm2'
import type { SignatureRecord, VerificationReceipt } from '../../src/contract/esign/schemas'
import { verificationLinkOf } from '../../src/domain/signing/verificationLink'
import { type TestDb } from './helpers'
import { type SigningFixture, buildSealApp, closeSigningApp, openSigningApp, signThroughTask } from './seal-test-app'

let testDb: TestDb
let app: FastifyInstance
let fx: SigningFixture
const DOCUMENT = Buffer.from('%PDF-1.7\n采购合同：甲方许昌瑞丰食品有限公司，乙方……金额 ¥128,000.00\n%%EOF')
let record: SignatureRecord
let der: Buffer

beforeAll(async () => {
  ;({ testDb, app, fx } = await openSigningApp())
  record = await signThroughTask(app, fx, DOCUMENT)
  der = Buffer.from(record.sesSignature!, 'base64')
})
afterAll(() => closeSigningApp(app, testDb))

/** No Authorization header anywhere here: all of it is open to anyone. */
const verifyDer = (bytes: Buffer, document: Buffer = DOCUMENT) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/seal-verifications',
    payload: { sesSignatureDer: bytes.toString('base64'), documentSm3: sm3Hex(document) },
  })

type Step = { key: string; name: string; passed: boolean; text: string }
const stepsOf = (body: { steps: Step[] }) => Object.fromEntries(body.steps.map((s) => [s.key, s]))
const failedKeys = (body: { steps: Step[] }) => body.steps.filter((s) => !s.passed).map((s) => s.key)

describe('验章 from the SES_Signature file (DER) alone', () => {
  it('passes every step for a genuine signature file and answers as its record would', async () => {
    const response = await verifyDer(der)
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body.valid).toBe(true)
    expect(body.steps.map((s: Step) => [s.name, s.passed])).toEqual([
      ['签章值', true],
      ['签章人证书与印章绑定', true],
      ['签章人授权', true],
      ['印章数据与制章者签名', true],
      ['证书链、有效期与吊销', true],
      ['印章有效期', true],
      ['原文杂凑', true],
      ['时间戳', true],
    ])
    expect(body.seal).toMatchObject({ id: fx.seals.contract, kind: 'seal' })
    expect(body.signedAt).toBe(record.signedAt)
    expect(JSON.parse(body.receipt.payload).recordId).toBe(record.id)
  })

  it('says when the timestamp was made in China time people read, not as an ISO instant in UTC', async () => {
    const text: string = stepsOf((await verifyDer(der)).json()).timestamp.text
    const shown = /^可信时间 (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})（北京时间）$/.exec(text)
    expect(shown).not.toBeNull()
    const instant = Date.parse(`${shown![1]}T${shown![2]}+08:00`)
    expect(Math.abs(instant - Date.parse(record.signedAt))).toBeLessThan(10 * 60_000)
  })

  it('fails only 原文杂凑 when one byte of the document changed', async () => {
    const changed = Buffer.from(DOCUMENT)
    changed[15] ^= 0x01
    const body = (await verifyDer(der, changed)).json()
    expect(body.valid).toBe(false)
    expect(failedKeys(body)).toEqual(['documentHash'])
  })

  it('gives a signature file of another CA a verdict: 签章人证书 fails, authorisation cannot be confirmed', async () => {
    const attacker = generateSm2KeyPair()
    const fakeCa = generateSm2KeyPair()
    const genuine = parseSesSignature(der)
    const certificate = issueCertificate(
      {
        serialHex: newSerialHex(),
        subject: [['2.5.4.3', '许昌瑞丰食品有限公司合同专用章']],
        publicKeyHex: attacker.publicKeyHex,
        notBefore: new Date('2020-01-01'),
        notAfter: new Date('2040-01-01'),
        profile: 'signer',
      },
      { name: [['2.5.4.3', '政企通电子印章 CA']], keys: fakeCa },
    )
    const tbsDer = tbsSignDer({
      sesSealDer: genuine.sealBytes,
      signedAt: new Date(record.signedAt),
      documentSm3: sm3Hex(DOCUMENT),
      propertyInfo: JSON.parse(genuine.signature.toSign.propertyInfo),
    })
    const signature = sm2Sign(tbsDer, attacker)
    const forged = sesSignatureDer({
      tbsDer,
      signerCertificateDer: certificate,
      signature,
      timestampToken: await app.pki.tsa.timestamp(Buffer.from(sm3Hex(signature), 'hex')),
    })
    const response = await verifyDer(forged)
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body.valid).toBe(false)
    expect(body.seal).toBeNull()
    const steps = stepsOf(body)
    expect(steps.signatureValue.passed).toBe(true)
    expect(steps.signerCertificate).toMatchObject({ passed: false, text: '签章人证书不是本平台电子印章 CA 签发的' })
    expect(steps.signerAuthorisedAtSigningTime.passed).toBe(false)
    expect(steps.documentHash.passed).toBe(true)
    expect(steps.timestamp.passed).toBe(true)
    expect(steps.certificateStatus.passed).toBe(false)
    expect(JSON.parse(body.receipt.payload).recordId).toBeNull()
  })

  it('answers bytes that are not an SES_Signature with 400 SIGNATURE_FILE_UNREADABLE in Chinese', async () => {
    for (const garbage of [Buffer.from('not der at all'), Buffer.from(JSON.stringify(record)), Buffer.alloc(64)]) {
      const response = await verifyDer(garbage)
      expect(response.statusCode).toBe(400)
      expect(response.json().code).toBe('SIGNATURE_FILE_UNREADABLE')
      expect(response.json().message).toMatch(/签章文件无法识别/)
    }
    const tooLarge = await verifyDer(Buffer.concat([der, Buffer.alloc(48 * 1024)]))
    expect(tooLarge.statusCode).toBe(400)
    const notBase64 = await app.inject({
      method: 'POST',
      url: '/api/v1/seal-verifications',
      payload: { sesSignatureDer: '***', documentSm3: sm3Hex(DOCUMENT) },
    })
    expect(notBase64.statusCode).toBe(400)
    const twoSources = await app.inject({
      method: 'POST',
      url: '/api/v1/seal-verifications',
      payload: { sesSignatureDer: record.sesSignature, recordId: record.id, documentSm3: sm3Hex(DOCUMENT) },
    })
    expect(twoSources.statusCode).toBe(400)
  })

  it('never answers 5xx, whatever the bytes: truncated, wrong tags, huge lengths, NUL bytes, flipped bits', async () => {
    const cases: Buffer[] = []
    for (let cut = 1; cut < der.length; cut += Math.max(1, Math.floor(der.length / 60))) {
      cases.push(der.subarray(0, cut))
    }
    for (let at = 0; at < 200; at += 7) {
      const wrongTag = Buffer.from(der)
      wrongTag[at] = (wrongTag[at] + 0x21) & 0xff
      cases.push(wrongTag)
    }
    // Length octets claiming 4 GB, and long-form lengths in the first elements.
    for (const at of [1, 5, 9]) {
      const huge = Buffer.from(der)
      huge[at] = 0x84
      huge.fill(0xff, at + 1, at + 5)
      cases.push(huge)
    }
    cases.push(Buffer.alloc(der.length, 0))
    cases.push(Buffer.concat([Buffer.from([0x30, 0x03]), Buffer.from([0x16, 0x01, 0x00])]))
    const withNul = Buffer.from(der)
    withNul.fill(0, 200, 260)
    cases.push(withNul)
    // A seal id with a NUL byte inside an otherwise readable structure must not reach SQL.
    const esIdAt = der.indexOf(Buffer.from(fx.seals.contract, 'latin1'))
    expect(esIdAt).toBeGreaterThan(0)
    const nulId = Buffer.from(der)
    nulId[esIdAt + 3] = 0
    cases.push(nulId)
    let seed = 7
    for (let i = 0; i < 40; i++) {
      const flipped = Buffer.from(der)
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      flipped[seed % der.length] ^= 1 << (seed % 8)
      cases.push(flipped)
    }
    const statuses = new Set<number>()
    for (const bytes of cases) {
      const response = await verifyDer(bytes)
      statuses.add(response.statusCode)
      if (response.statusCode >= 500) throw new Error(`5xx for a case: ${response.body}`)
      if (response.statusCode === 200) expect(response.json().valid).toBe(false)
    }
    expect([...statuses].sort()).toEqual([200, 400])
  })
})

describe('the signature file and the verification QR, by record id, without login', () => {
  it('serves the SES_Signature DER of a record, immutable, as an attachment', async () => {
    const response = await app.inject(requestOf(endpoints.getSesSignature, { recordId: record.id }))
    expect(response.statusCode).toBe(200)
    expect(response.rawPayload.equals(der)).toBe(true)
    expect(response.headers['content-type']).toBe('application/octet-stream')
    expect(response.headers['content-disposition']).toBe(`attachment; filename="zqt-signature-${record.id}.der"`)
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it('serves a QR PNG of the verification link (record id and document SM3, not the document)', async () => {
    const response = await app.inject(requestOf(endpoints.getVerificationQr, { recordId: record.id }))
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('image/png')
    const link = verificationLinkOf(`http://${app.config.host}:${app.config.port}`, record.id, sm3Hex(DOCUMENT))
    expect(response.headers['x-verification-link']).toBe(link)
    const expected = await QRCode.toBuffer(link, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 360 })
    expect(response.rawPayload.equals(expected)).toBe(true)
    expect(response.headers['cache-control']).toBe('public, max-age=86400')
  })

  it('answers an unknown record 404 and a malformed id 400, in Chinese', async () => {
    for (const operation of [endpoints.getSesSignature, endpoints.getVerificationQr]) {
      const unknown = await app.inject(requestOf(operation, { recordId: '0f8e6a52-1c7b-4d0e-9b3a-2f1e4c5d6a7b' }))
      expect(unknown.statusCode).toBe(404)
      expect(unknown.json().message).toMatch(/签章记录不存在/)
      const bad = await app.inject(requestOf(operation, { recordId: 'not-a-uuid' }))
      expect(bad.statusCode).toBe(400)
    }
  })

  it('limits each address (60 a minute outside the sandbox), in Chinese', async () => {
    const strict = await buildSealApp(testDb.db, { config: { sandbox: false } })
    try {
      const url = `/api/v1/signature-records/${record.id}/ses-signature`
      // Counted per address in the database the earlier tests also used: a few hits may be on it already.
      const statuses: number[] = []
      for (let i = 0; i < 61; i++) statuses.push((await strict.inject({ method: 'GET', url })).statusCode)
      const firstRefusal = statuses.indexOf(429)
      expect(firstRefusal).toBeGreaterThan(50)
      expect(statuses.slice(0, firstRefusal).every((status) => status === 200)).toBe(true)
      const refused = await strict.inject({ method: 'GET', url })
      expect(refused.statusCode).toBe(429)
      expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' })
    } finally {
      await strict.close()
    }
  })

  it('builds no QR under production rules without PUBLIC_BASE_URL (fail closed)', async () => {
    const { verificationOrigin } = await import('../../server/capabilities/esign/routes/signature-files')
    expect(verificationOrigin({ nodeEnv: 'production', host: '0.0.0.0', port: 3000 })).toBeNull()
    expect(
      verificationOrigin({ nodeEnv: 'production', host: '0.0.0.0', port: 3000, publicBaseUrl: 'https://a.cn' }),
    ).toBe('https://a.cn')
  })
})

describe('验章回执', () => {
  const receiptOf = async (payload: Record<string, unknown>): Promise<VerificationReceipt> =>
    (await app.inject({ ...requestOf(endpoints.verifySeal), payload })).json().receipt

  it('signs the canonical verdict, steps, record id, document SM3 and time with a key certified by the seal CA', async () => {
    const receipt = await receiptOf({ recordId: record.id, documentSm3: sm3Hex(DOCUMENT) })
    const payload = JSON.parse(receipt.payload)
    expect(receipt.payload).toBe(canonicalJson(payload))
    expect(payload).toMatchObject({
      format: 'zqt-verification-receipt/1',
      recordId: record.id,
      documentSm3: sm3Hex(DOCUMENT),
      valid: true,
      verdict: '验章通过：签章真实有效，文件未被修改',
      signedAt: record.signedAt,
    })
    expect(payload.steps).toHaveLength(8)
    expect(Number.isNaN(Date.parse(payload.verifiedAt))).toBe(false)

    const certificate = readCertificate(fromPem('CERTIFICATE', receipt.certificate))
    expect(certificateSignedBy(certificate, app.pki.ca.publicKeyHex)).toBe(true)
    expect(
      sm2Verify(
        Buffer.from(receipt.payload, 'utf8'),
        Buffer.from(receipt.signature, 'base64'),
        certificate.publicKeyHex,
      ),
    ).toBe(true)
    // Its own key: not the CA's, not the TSA's, not the seal's.
    const sealKey = readCertificate(fromPem('CERTIFICATE', record.signerCertificate!)).publicKeyHex
    expect([app.pki.ca.publicKeyHex, app.pki.tsa.publicKeyHex, sealKey]).not.toContain(certificate.publicKeyHex)
    // A changed verdict no longer verifies.
    const forged = receipt.payload.replace('"valid":true', '"valid":false')
    expect(sm2Verify(Buffer.from(forged), Buffer.from(receipt.signature, 'base64'), certificate.publicKeyHex)).toBe(
      false,
    )
  })

  it('records a failed verification as failed, with the record found from the record file', async () => {
    const changed = Buffer.from(DOCUMENT)
    changed[3] ^= 0x01
    const payload = JSON.parse(
      (await receiptOf({ signatureRecord: record, document: changed.toString('base64') })).payload,
    )
    expect(payload).toMatchObject({ recordId: record.id, documentSm3: sm3Hex(changed), valid: false })
    expect(payload.verdict).toBe('验章未通过：文件已被修改，或不是签章的那份文件')
  })

  it('canonicalJson sorts keys, drops undefined members and refuses non-integers', () => {
    expect(canonicalJson({ b: [1, { d: null, c: '中' }], a: true, z: undefined } as never)).toBe(
      '{"a":true,"b":[1,{"c":"中","d":null}]}',
    )
    expect(() => canonicalJson(1.5)).toThrow()
  })
})
