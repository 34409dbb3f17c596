import type { FastifyInstance } from 'fastify'
import * as endpoints from '../../src/contract/esign/endpoints'
import { requestOf } from './contract-request'
import { AsnConvert } from '@peculiar/asn1-schema'
import { CertificateList } from '@peculiar/asn1-x509'
import { buildApp } from '../../server/app'
import { firstChildBytes, fromPem, readElement, childrenOf } from '../../server/capabilities/esign/pki/der'
import { readCertificate } from '../../server/capabilities/esign/pki/certificates'
import { revokeCredentials } from '../../server/capabilities/esign/pki/pki-store'
import { produceSesSignature } from '../../server/capabilities/esign/pki/ses-signing'
import { openStoredKeyPair, sealOwner } from '../../server/capabilities/esign/signing/key-material'
import { produceSignature } from '../../server/capabilities/esign/signing/signature-record'
import { sm2PublicKeyPem, sm2Verify } from '../../server/capabilities/esign/signing/sm2'
import type { SignatureRecord } from '../../src/contract/esign/schemas'
import { openTestDb, testConfig, type TestDb } from './helpers'
import { getBytes, openssl } from './pki-kit'
import { HANDLER_PIN, OPENSSL, confirm, createTask, scan, signingFixture, type SigningFixture } from './seal-test-app'

/**
 * Revocation, on a database of its own. The server's clock (which the timestamp service reads)
 * runs `offsetMs` ahead of the real one, so a test can sign "a day after" a revocation.
 */
let testDb: TestDb
let app: FastifyInstance
let fx: SigningFixture
let offsetMs = 0
const DOCUMENT = Buffer.from('租赁合同：出租方许昌瑞丰食品有限公司')
let record: SignatureRecord
let revokedAt: Date

beforeAll(async () => {
  testDb = await openTestDb()
  app = buildApp({ db: testDb.db, config: testConfig(), now: () => Date.now() + offsetMs })
  await app.ready()
  fx = await signingFixture(app, testDb.db)
  const created = await createTask(app, fx.system, {
    enterpriseUscc: fx.ruifengUscc,
    signers: [{ sealType: 'contract' }],
    documentName: '租赁合同',
    document: DOCUMENT.toString('base64'),
  })
  await scan(app, fx.handler, created.json().ticket)
  record = (await confirm(app, fx.handler, created.json().taskId, { pin: HANDLER_PIN })).json().signatures[0]
  // The seal is revoked an hour after it signed (any path that revokes a seal sets revoked_at).
  revokedAt = new Date(Date.parse(record.signedAt) + 3600_000)
  await testDb.db.query('update seals set revoked_at = $2 where id = $1', [fx.seals.contract, revokedAt])
})
afterAll(async () => {
  await app.close()
  await testDb.close()
})
// The app clock is the real one in every test; a test that moves it moves it for itself.
beforeEach(() => {
  offsetMs = 0
})

const verify = (signatureRecord: object) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/seal-verifications',
    payload: { signatureRecord, document: DOCUMENT.toString('base64') },
  })
type Step = { key: string; passed: boolean; text: string }
const step = (body: { steps: Step[] }, key: string) => body.steps.find((s) => s.key === key)!

describe('revoking a seal revokes its certificate', () => {
  ;(OPENSSL ? it : it.skip)('openssl verify -crl_check with the published CRL says revoked', async () => {
    const files = {
      'ca.pem': await getBytes(app, requestOf(endpoints.getCaCertificate).url),
      'crl.der': await getBytes(app, requestOf(endpoints.getOpensslCrl).url),
      'seal.pem': record.signerCertificate!,
    }
    const crlPem = openssl(['crl', '-inform', 'DER', '-in', 'crl.der'], files)
    expect(crlPem.status).toBe(0)
    const withCrl = { ...files, 'crl.pem': crlPem.output }
    const checked = openssl(
      [
        'verify',
        '-vfyopt',
        'distid:1234567812345678',
        '-crl_check',
        '-CRLfile',
        'crl.pem',
        '-CAfile',
        'ca.pem',
        'seal.pem',
      ],
      withCrl,
    )
    expect(checked.output).toContain('certificate revoked')
    expect(checked.status).not.toBe(0)
    // The personal signature's certificate is not on the list.
    const { rows } = await testDb.db.query<{ certificate: string }>(
      'select certificate from pki_certificates where personal_signature_id is not null',
    )
    const personal = openssl(
      [
        'verify',
        '-vfyopt',
        'distid:1234567812345678',
        '-crl_check',
        '-CRLfile',
        'crl.pem',
        '-CAfile',
        'ca.pem',
        'p.der',
      ],
      { ...withCrl, 'p.der': `-----BEGIN CERTIFICATE-----\n${rows[0].certificate}\n-----END CERTIFICATE-----\n` },
    )
    expect(personal.output).toContain('p.der: OK')
  })

  it('lists it in the CRL named in the certificate, signed by the CA with the standard signer ID', async () => {
    const der = await getBytes(app, requestOf(endpoints.getCrl).url)
    const crl = AsnConvert.parse(der, CertificateList)
    const serial = readCertificate(fromPem('CERTIFICATE', record.signerCertificate!)).serialHex
    const listed = (crl.tbsCertList.revokedCertificates ?? []).map((entry) =>
      Buffer.from(entry.userCertificate).toString('hex'),
    )
    expect(listed).toEqual([serial])
    // UTCTime: whole seconds.
    const revocationDate = crl.tbsCertList.revokedCertificates![0].revocationDate.getTime()
    expect(revocationDate.getTime()).toBe(Math.floor(revokedAt.getTime() / 1000) * 1000)
    const signature = childrenOf(readElement(der))[2].contents.subarray(1)
    expect(sm2Verify(firstChildBytes(der), signature, app.pki.ca.publicKeyHex)).toBe(true)
  })

  it('keeps a signature made before the revocation valid at 吊销', async () => {
    const body = (await verify(record)).json()
    expect(step(body, 'certificateStatus')).toMatchObject({ passed: true })
    expect(step(body, 'certificateStatus').text).toContain('晚于签章时间')
  })

  it('fails at 吊销 for a signature made with the seal key after the revocation', async () => {
    offsetMs = 24 * 3600_000 // a day later, by the timestamp service's clock
    const { rows } = await testDb.db.query<{ public_key_hex: string; private_key_sealed: string }>(
      'select public_key_hex, private_key_sealed from seals where id = $1',
      [fx.seals.contract],
    )
    const keys = openStoredKeyPair(app.signing.vault, sealOwner(fx.seals.contract), {
      publicKeyHex: rows[0].public_key_hex,
      privateKeySealed: rows[0].private_key_sealed,
    })
    const recorded = JSON.parse(Buffer.from(record.tbs, 'base64').toString('utf8'))
    const produced = produceSignature({
      eseal: { ...recorded.eseal, publicKeySm3: undefined },
      keys,
      signedAt: new Date(app.clock()),
      documentSm3: record.documentSm3,
      taskId: recorded.propertyInfo.taskId,
      documentName: recorded.propertyInfo.documentName,
      enterpriseUscc: recorded.propertyInfo.enterpriseUscc,
      requestedBy: recorded.propertyInfo.requestedBy,
      signer: recorded.propertyInfo.signer,
    })
    const ses = await produceSesSignature(testDb.db, app.pki, {
      holder: { kind: 'seal', id: fx.seals.contract },
      keys,
      tbs: produced.tbs,
    })
    const body = (
      await verify({
        tbs: produced.tbsBytes.toString('base64'),
        signature: produced.signatureDer.toString('base64'),
        signerPublicKey: sm2PublicKeyPem(keys.publicKeyHex),
        sesSignature: ses.toString('base64'),
      })
    ).json()
    expect(body.valid).toBe(false)
    expect(step(body, 'certificateStatus')).toMatchObject({ passed: false })
    expect(step(body, 'certificateStatus').text).toBe(`证书已于 ${revokedAt.toISOString()} 吊销，早于签章时间`)
    expect(step(body, 'signatureValue').passed).toBe(true)
    expect(step(body, 'timestamp').passed).toBe(true)
  })

  it('revokeCredentials revokes a live certificate by itself (replacing a seal)', async () => {
    const { rows } = await testDb.db.query<{ serial: string; personal_signature_id: string }>(
      'select serial, personal_signature_id from pki_certificates where personal_signature_id is not null',
    )
    await revokeCredentials(testDb.db, { kind: 'personal', id: rows[0].personal_signature_id }, new Date())
    try {
      const crl = AsnConvert.parse(await getBytes(app, requestOf(endpoints.getCrl).url), CertificateList)
      const listed = (crl.tbsCertList.revokedCertificates ?? []).map((e) =>
        Buffer.from(e.userCertificate).toString('hex'),
      )
      expect(listed).toContain(rows[0].serial)
    } finally {
      // The CRL tests above expect the seal's certificate alone on the list, whichever runs first.
      await testDb.db.query('update pki_certificates set revoked_at = null where serial = $1', [rows[0].serial])
    }
  })
})
