import type { FastifyInstance } from 'fastify'
import { AsnConvert } from '@peculiar/asn1-schema'
import { issueCertificate, newSerialHex } from '../../server/capabilities/esign/pki/certificates'
import { fromPem } from '../../server/capabilities/esign/pki/der'
import { parseSesSignature, SesSignature, sesSignatureDer, tbsSignDer } from '../../server/capabilities/esign/pki/ses'
import { LocalTsa } from '../../server/capabilities/esign/pki/tsa'
import { generateSm2KeyPair, sm2PublicKeyPem, sm2Sign, sm3Hex } from '../../server/capabilities/esign/signing/sm2'
import type { SignatureRecord } from '../../src/contract/esign/schemas'
import { encodeTbs, parseTbs } from '../../src/domain/signing/tbs'
import { type TestDb } from './helpers'
import { getBytes, openssl } from './pki-kit'
import {
  HANDLER_PIN,
  OPENSSL,
  confirm,
  createTask,
  scan,
  type SigningFixture,
  closeSigningApp,
  openSigningApp,
  signThroughTask,
} from './seal-test-app'

let testDb: TestDb
let app: FastifyInstance
let fx: SigningFixture
const DOCUMENT = Buffer.from('%PDF-1.7\n采购合同：甲方许昌瑞丰食品有限公司，乙方……金额 ¥128,000.00\n%%EOF')
let record: SignatureRecord
let ses: Buffer

beforeAll(async () => {
  ;({ testDb, app, fx } = await openSigningApp())
  record = await signThroughTask(app, fx, DOCUMENT)
  ses = Buffer.from(record.sesSignature!, 'base64')
})
afterAll(() => closeSigningApp(app, testDb))

const verify = (signatureRecord: object, document = DOCUMENT) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/seal-verifications',
    payload: { signatureRecord, document: document.toString('base64') },
  })

type Step = { key: string; name: string; passed: boolean; text: string }
const stepsOf = (body: { steps: Step[] }) => Object.fromEntries(body.steps.map((s) => [s.key, s]))
const failedKeys = (body: { steps: Step[] }) => body.steps.filter((s) => !s.passed).map((s) => s.key)

const withOpenssl = OPENSSL ? it : it.skip

describe('seal certificates (seal CA)', () => {
  withOpenssl('openssl verify accepts the chain with the SM2 distinguishing id, and refuses it without', async () => {
    const ca = await getBytes(app, '/api/v1/pki/ca')
    const files = { 'ca.pem': ca, 'seal.pem': record.signerCertificate! }
    const ok = openssl(['verify', '-vfyopt', 'distid:1234567812345678', '-CAfile', 'ca.pem', 'seal.pem'], files)
    expect(ok.output).toContain('seal.pem: OK')
    expect(ok.status).toBe(0)
    expect(openssl(['verify', '-CAfile', 'ca.pem', 'seal.pem'], files).status).not.toBe(0)
  })

  withOpenssl('names the enterprise, its USCC, the seal and its type; digital signature only; CRL URL', () => {
    const text = openssl(['x509', '-in', 'seal.pem', '-noout', '-text', '-nameopt', 'utf8,sep_comma_plus'], {
      'seal.pem': record.signerCertificate!,
    }).output
    expect(text).toContain('O=许昌瑞丰食品有限公司')
    expect(text).toContain(`organizationIdentifier=${fx.ruifengUscc}`)
    expect(text).toContain('OU=合同专用章')
    expect(text).toContain('CN=许昌瑞丰食品有限公司合同专用章')
    expect(text).toMatch(/Key Usage: critical\s+Digital Signature\n/)
    expect(text).toContain('URI:https://')
    expect(text).toContain('/api/v1/pki/crl')
    expect(text).toContain('Signature Algorithm: SM2-with-SM3')
  })
})

describe('GB/T 38540 SES_Signature', () => {
  withOpenssl('parses with openssl asn1parse: version 4, the seal, time, hash, and a timestamp', () => {
    const parsed = openssl(['asn1parse', '-inform', 'DER', '-in', 'ses.der'], { 'ses.der': ses })
    expect(parsed.status).toBe(0)
    expect(parsed.output).toContain('IA5STRING         :ES')
    expect(parsed.output).toContain('SM2-with-SM3')
    expect(parsed.output).toContain('GENERALIZEDTIME')
    expect(parsed.output).toContain('cont [ 0 ]')
  })

  it('re-encodes to the same bytes, and says what the JSON record says', () => {
    expect(Buffer.from(AsnConvert.serialize(AsnConvert.parse(ses, SesSignature))).equals(ses)).toBe(true)
    const { signature } = parseSesSignature(ses)
    const tbs = JSON.parse(Buffer.from(record.tbs, 'base64').toString('utf8'))
    expect(signature.toSign.version).toBe(4)
    expect(signature.toSign.eseal.eSealInfo.esID).toBe(fx.seals.contract)
    expect(signature.toSign.timeInfo.toISOString()).toBe(record.signedAt)
    expect(Buffer.from(signature.toSign.dataHash).toString('hex')).toBe(sm3Hex(DOCUMENT))
    expect(JSON.parse(signature.toSign.propertyInfo)).toEqual(tbs.propertyInfo)
    expect(signature.toSign.eseal.eSealInfo.property.name).toBe('许昌瑞丰食品有限公司合同专用章')
  })
})

describe('验章 steps', () => {
  it('passes every step for a genuine signature, in the order of GB/T 38540', async () => {
    const body = (await verify(record)).json()
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
  })

  it('fails at 原文杂凑 when one byte of the document changed', async () => {
    const changed = Buffer.from(DOCUMENT)
    changed[12] ^= 0x01
    const body = (await verify(record, changed)).json()
    expect(body.valid).toBe(false)
    expect(failedKeys(body)).toEqual(['documentHash'])
  })

  it('fails at 签章人证书 for a signature by a key without our certificate', async () => {
    // An attacker's own key, a certificate from their own "CA" with the seal's subject, the
    // genuine seal data copied from a real signature, even a genuine timestamp.
    const attacker = generateSm2KeyPair()
    const fakeCa = generateSm2KeyPair()
    const fakeCaName: [string, string][] = [['2.5.4.3', '政企通电子印章 CA']]
    const genuine = parseSesSignature(ses)
    const certificate = issueCertificate(
      {
        serialHex: newSerialHex(),
        subject: [['2.5.4.3', '许昌瑞丰食品有限公司合同专用章']],
        publicKeyHex: attacker.publicKeyHex,
        notBefore: new Date('2020-01-01'),
        notAfter: new Date('2040-01-01'),
        profile: 'signer',
      },
      { name: fakeCaName, keys: fakeCa },
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
    const parsed = parseTbs(Buffer.from(record.tbs, 'base64').toString('utf8'))
    if (!parsed.ok) throw new Error('tbs')
    const jsonTbs = Buffer.from(encodeTbs(parsed.tbs))
    const body = (
      await verify({
        tbs: jsonTbs.toString('base64'),
        signature: sm2Sign(jsonTbs, attacker).toString('base64'),
        signerPublicKey: sm2PublicKeyPem(attacker.publicKeyHex),
        sesSignature: forged.toString('base64'),
      })
    ).json()
    expect(body.valid).toBe(false)
    const steps = stepsOf(body)
    expect(steps.signatureValue.passed).toBe(true) // consistent with itself…
    expect(steps.signerCertificate).toMatchObject({ passed: false, text: '签章人证书不是本平台电子印章 CA 签发的' })
    expect(steps.sealData.passed).toBe(true) // …the seal data is the real one…
    expect(steps.timestamp.passed).toBe(true)
    expect(steps.certificateStatus.passed).toBe(false) // …but no chain to our CA
  })

  it('fails at 时间戳 for a timestamp from another key', async () => {
    const otherRoot = generateSm2KeyPair()
    const otherTsa = generateSm2KeyPair()
    const name: [string, string][] = [['2.5.4.3', '政企通时间戳服务']]
    const tsaCertificate = issueCertificate(
      {
        serialHex: newSerialHex(),
        subject: name,
        publicKeyHex: otherTsa.publicKeyHex,
        notBefore: new Date('2020-01-01'),
        notAfter: new Date('2040-01-01'),
        profile: 'timestamping',
      },
      { name, keys: otherRoot },
    )
    const genuine = parseSesSignature(ses)
    const signature = Buffer.from(genuine.signature.signature)
    const token = await new LocalTsa(tsaCertificate, otherTsa).timestamp(Buffer.from(sm3Hex(signature), 'hex'))
    const other = sesSignatureDer({
      tbsDer: genuine.tbsBytes,
      signerCertificateDer: fromPem('CERTIFICATE', record.signerCertificate!),
      signature,
      timestampToken: token,
    })
    const body = (await verify({ ...record, sesSignature: other.toString('base64') })).json()
    expect(body.valid).toBe(false)
    expect(failedKeys(body)).toEqual(['timestamp'])
    expect(stepsOf(body).timestamp.text).toBe('时间戳不是本平台时间戳服务签发的，或已被改动')
  })

  it('fails at 时间戳 for a genuine timestamp of other bytes', async () => {
    const genuine = parseSesSignature(ses)
    const token = await app.pki.tsa.timestamp(Buffer.from(sm3Hex(Buffer.from('something else')), 'hex'))
    const other = sesSignatureDer({
      tbsDer: genuine.tbsBytes,
      signerCertificateDer: fromPem('CERTIFICATE', record.signerCertificate!),
      signature: Buffer.from(genuine.signature.signature),
      timestampToken: token,
    })
    const body = (await verify({ ...record, sesSignature: other.toString('base64') })).json()
    expect(failedKeys(body)).toEqual(['timestamp'])
    expect(stepsOf(body).timestamp.text).toBe('时间戳不是针对该签名值签发的')
  })

  it('fails at 签章值 when the DER is another genuine signature than the JSON record', async () => {
    const created = await createTask(app, fx.system, {
      enterpriseUscc: fx.ruifengUscc,
      signers: [{ sealType: 'contract' }],
      documentName: '另一份合同',
      document: Buffer.from('another contract').toString('base64'),
    })
    await scan(app, fx.handler, created.json().ticket)
    const other: SignatureRecord = (await confirm(app, fx.handler, created.json().taskId, { pin: HANDLER_PIN })).json()
      .signatures[0]
    const body = (await verify({ ...record, sesSignature: other.sesSignature })).json()
    expect(body.valid).toBe(false)
    expect(stepsOf(body).signatureValue).toMatchObject({
      passed: false,
      text: '签章数据（DER）与签章记录（JSON）所述的印章、时间或文件不一致',
    })
  })

  it('fails at 时间戳 when the token was altered', async () => {
    const changed = Buffer.from(ses)
    changed[changed.length - 1] ^= 0x01 // the last byte of the TSA's signature
    const body = (await verify({ ...record, sesSignature: changed.toString('base64') })).json()
    expect(body.valid).toBe(false)
    expect(failedKeys(body)).toEqual(['timestamp'])
  })

  it('answers unreadable DER with failed steps, not a server error', async () => {
    const response = await verify({ ...record, sesSignature: Buffer.from('not der').toString('base64') })
    expect(response.statusCode).toBe(200)
    // Only what the DER does not decide still holds: the document hash and our own authorisation record.
    expect(
      response
        .json()
        .steps.every((s: Step) => !s.passed || s.key === 'documentHash' || s.key === 'signerAuthorisedAtSigningTime'),
    ).toBe(true)
    expect((await verify({ ...record, sesSignature: '***' })).statusCode).toBe(400)
  })
})
