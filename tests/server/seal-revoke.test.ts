import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { AsnConvert } from '@peculiar/asn1-schema'
import { CertificateList } from '@peculiar/asn1-x509'
import { fromPem } from '../../server/capabilities/esign/pki/der'
import { readCertificate } from '../../server/capabilities/esign/pki/certificates'
import type { SignatureRecord } from '../../src/contract/esign/schemas'
import { chinaDateOf } from '../../src/domain/calendar/dates'
import { openTestDb, type TestDb } from './helpers'
import { getBytes, openssl } from './pki-kit'
import {
  HANDLER_PIN,
  STRANGER,
  ZHANG,
  OPENSSL,
  acceptGrant,
  buildSealApp,
  closeSigningApp,
  confirm,
  createTask,
  faceTicket,
  sandboxUser,
  scan,
  signThroughTask,
  signingFixture,
  type SigningFixture,
} from './seal-test-app'

/**
 * 注销印章 / 重新制章 (issue #15 item 1). The app clock runs `offsetMs` ahead of the real one, so
 * the revocation is an hour after the signature made before it (the timestamp has whole seconds).
 */
const REP_PIN = '135790'
const DOCUMENT = Buffer.from('采购合同：买方许昌瑞丰食品有限公司')
let testDb: TestDb
let app: FastifyInstance
let fx: SigningFixture
let offsetMs = 0
let before: SignatureRecord

beforeAll(async () => {
  testDb = await openTestDb()
  app = await buildSealApp(testDb.db, { now: () => Date.now() + offsetMs })
  fx = await signingFixture(app, testDb.db)
  before = await signThroughTask(app, fx, DOCUMENT)
})
afterAll(() => closeSigningApp(app, testDb))

const revoke = (
  sealId: string,
  payload: Record<string, unknown>,
  auth = fx.rep,
  action: 'revoke' | 'replace' = 'revoke',
) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/enterprises/${fx.ruifeng}/seals/${sealId}/${action}`,
    headers: auth,
    payload,
  })

const certificatePem = (der: string) => `-----BEGIN CERTIFICATE-----\n${der}\n-----END CERTIFICATE-----\n`
async function certificates(sealId: string) {
  const { rows } = await testDb.db.query<{ serial: string; certificate: string; revoked_at: Date | null }>(
    'select serial, certificate, revoked_at from pki_certificates where seal_id = $1',
    [sealId],
  )
  return rows
}
async function opensslCheck(certificate: string) {
  const files = {
    'ca.pem': await getBytes(app, '/api/v1/pki/ca'),
    'crl.der': await getBytes(app, '/api/v1/pki/crl/openssl'),
    'seal.pem': certificatePem(certificate),
  }
  const crl = openssl(['crl', '-inform', 'DER', '-in', 'crl.der'], files)
  expect(crl.status).toBe(0)
  return openssl(
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
    { ...files, 'crl.pem': crl.output },
  )
}

describe('who may revoke, and what the request must say', () => {
  // The 财务专用章: no other test revokes it, so these refusals see a valid seal in any order.
  const sealId = () => fx.seals.finance
  it('refuses a handler with 403 and the reason, on both routes', async () => {
    // A handler of its own with a live grant (注销印章 below ends the fixture handler's grant).
    const handler = await sandboxUser(app, '13900000031')
    const granted = await app.inject({
      method: 'POST',
      url: `/api/v1/enterprises/${fx.ruifeng}/seal-grants`,
      headers: fx.rep,
      payload: {
        grantee: { phone: '13900000031' },
        sealIds: [sealId()],
        validUntil: chinaDateOf(app.clock() + 30 * 86_400_000),
        pin: REP_PIN,
      },
    })
    expect(granted.statusCode).toBe(201)
    expect((await acceptGrant(app, handler, granted.json().id)).statusCode).toBe(200)
    for (const action of ['revoke', 'replace'] as const) {
      const response = await revoke(sealId(), { reason: '遗失', pin: HANDLER_PIN }, handler, action)
      expect(response.statusCode).toBe(403)
      expect(response.json().message).toContain('仅企业法定代表人')
    }
  })

  it('wants a reason of 1–200 characters, and a PIN or face ticket', async () => {
    const empty = await revoke(sealId(), { reason: '   ', pin: REP_PIN })
    expect(empty.statusCode).toBe(400)
    expect(empty.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'reason' }] })
    const long = await revoke(sealId(), { reason: '长'.repeat(201), pin: REP_PIN })
    expect(long.statusCode).toBe(400)
    expect(long.json().details[0]).toMatchObject({ field: 'reason', message: '注销原因不能超过 200 个字' })
    const unconfirmed = await revoke(sealId(), { reason: '遗失' })
    expect(unconfirmed.statusCode).toBe(400)
    expect(unconfirmed.json().details[0].field).toBe('pin')
    const wrongPin = await revoke(sealId(), { reason: '遗失', pin: '000000' })
    expect(wrongPin.json().code).toBe('PIN_INVALID')
    const unknown = await revoke('00000000-0000-4000-8000-000000000000', { reason: '遗失', pin: REP_PIN })
    expect(unknown.statusCode).toBe(404)
    // Nothing was revoked by any of these.
    expect((await certificates(sealId())).every((row) => row.revoked_at === null)).toBe(true)
  })
})

describe('注销印章', () => {
  let pendingTaskId: string
  let callbackCalls: string[]
  /** The twelve revocations at once, made here so that each test below reads one consequence, alone or in any order. */
  let responses: LightMyRequestResponse[]
  beforeAll(async () => {
    // A task that still needs the 合同专用章, scanned but not signed.
    const created = await createTask(app, fx.system, {
      enterpriseUscc: fx.ruifengUscc,
      signers: [{ sealType: 'contract' }],
      documentName: '租赁合同',
      document: Buffer.from('租赁合同').toString('base64'),
    })
    pendingTaskId = created.json().taskId
    await scan(app, fx.handler, created.json().ticket)
    callbackCalls = []
    const notify = app.signing.callbacks.notify.bind(app.signing.callbacks)
    jest.spyOn(app.signing.callbacks, 'notify').mockImplementation((taskId: string) => {
      callbackCalls.push(taskId)
      notify(taskId)
    })
    offsetMs = 3600_000
    responses = await Promise.all(
      Array.from({ length: 12 }, () => revoke(fx.seals.contract, { reason: '印章密钥疑似泄露', pin: REP_PIN })),
    )
  })

  it('happens exactly once under twelve calls at once: one revocation, one audit entry', async () => {
    const codes = responses.map((r) => r.statusCode).sort()
    expect(codes.filter((c) => c === 200)).toHaveLength(1)
    expect(codes.filter((c) => c !== 200).every((c) => c === 409)).toBe(true)
    const won = responses.find((r) => r.statusCode === 200)!.json()
    expect(won).toMatchObject({ revoked: { id: fx.seals.contract, status: 'revoked' }, replacement: null })
    expect(won.refusedTasks).toBe(1)
    expect(won.endedGrants).toBe(1)
    expect(responses.find((r) => r.statusCode === 409)!.json().code).toBe('SEAL_ALREADY_REVOKED')
    const { rows } = await testDb.db.query<{ n: string }>(
      `select count(*) as n from seal_audit where action = 'seal-revoke' and seal_id = $1`,
      [fx.seals.contract],
    )
    expect(Number(rows[0].n)).toBe(1)
    const certs = await certificates(fx.seals.contract)
    expect(certs).toHaveLength(1)
    expect(certs[0].revoked_at).not.toBeNull()
  })

  it('refuses the open task that needed it, with the reason, and calls its system back', async () => {
    const { rows } = await testDb.db.query<{ status: string; reject_reason: string; refusal_code: string }>(
      'select status, reject_reason, refusal_code from sign_tasks where id = $1',
      [pendingTaskId],
    )
    expect(rows[0]).toMatchObject({ status: 'rejected', refusal_code: 'seal-revoked' })
    expect(rows[0].reject_reason).toContain('印章密钥疑似泄露')
    expect(callbackCalls).toEqual([pendingTaskId])
  })

  it('ends the grant of that seal: the handler sees no seal', async () => {
    const listed = await app.inject({ method: 'GET', url: `/api/v1/enterprises/${fx.ruifeng}/seals`, headers: fx.rep })
    expect(listed.json().seals.map((s: { id: string }) => s.id)).not.toContain(fx.seals.contract)
    const { rows } = await testDb.db.query<{ revoked: boolean }>(
      'select g.revoked_at is not null as revoked from seal_grants g join seal_grant_seals gs on gs.grant_id = g.id where gs.seal_id = $1',
      [fx.seals.contract],
    )
    expect(rows).toEqual([{ revoked: true }])
  })

  it('puts its certificate on the CRL', async () => {
    const crl = AsnConvert.parse(await getBytes(app, '/api/v1/pki/crl'), CertificateList)
    const listed = (crl.tbsCertList.revokedCertificates ?? []).map((entry) =>
      Buffer.from(entry.userCertificate).toString('hex'),
    )
    expect(listed).toContain(readCertificate(fromPem('CERTIFICATE', before.signerCertificate!)).serialHex)
  })

  ;(OPENSSL ? it : it.skip)('openssl verify -crl_check says the seal certificate is revoked', async () => {
    const [cert] = await certificates(fx.seals.contract)
    const checked = await opensslCheck(cert.certificate)
    expect(checked.output).toContain('certificate revoked')
    expect(checked.status).not.toBe(0)
  })

  it('keeps the document signed before valid (验章 all ✓)', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/seal-verifications',
      payload: { signatureRecord: before, document: DOCUMENT.toString('base64') },
    })
    expect(response.json().valid).toBe(true)
    expect(response.json().steps.every((step: { passed: boolean }) => step.passed)).toBe(true)
  })

  it('refuses a task after it', async () => {
    const created = await createTask(app, fx.system, {
      enterpriseUscc: fx.ruifengUscc,
      signers: [{ sealType: 'contract' }],
      documentName: '补充协议',
      document: Buffer.from('补充协议').toString('base64'),
    })
    if (created.statusCode !== 201) {
      expect(created.json().code).toBe('SEAL_NOT_AVAILABLE')
      return
    }
    await scan(app, fx.rep, created.json().ticket)
    const signed = await confirm(app, fx.rep, created.json().taskId, { pin: REP_PIN })
    expect(signed.statusCode).toBeGreaterThanOrEqual(400)
    expect(signed.statusCode).toBeLessThan(500)
  })
})

describe('重新制章', () => {
  // Back to the real clock: the new certificate is valid from now, as openssl (on the real clock) sees it.
  beforeAll(() => {
    offsetMs = 0
  })
  it('revokes the old seal and makes a new one of the same type with a new key and certificate (face confirmed)', async () => {
    const ticket = await faceTicket(app, fx.rep, 'seal-revoke', undefined, { enterpriseId: fx.ruifeng })
    const response = await revoke(fx.seals.official, { reason: '印章图样更新', ticket }, fx.rep, 'replace')
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body.revoked).toMatchObject({ id: fx.seals.official, status: 'revoked' })
    expect(body.replacement).toMatchObject({ type: 'official', status: 'valid' })
    expect(body.replacement.publicKeyPem).not.toBe(body.revoked.publicKeyPem)
    const [oldCert] = await certificates(fx.seals.official)
    const [newCert] = await certificates(body.replacement.id)
    expect(oldCert.revoked_at).not.toBeNull()
    expect(newCert.revoked_at).toBeNull()
    expect(newCert.serial).not.toBe(oldCert.serial)
    const listed = await app.inject({ method: 'GET', url: `/api/v1/enterprises/${fx.ruifeng}/seals`, headers: fx.rep })
    const official = listed.json().seals.filter((s: { type: string }) => s.type === 'official')
    expect(official.map((s: { id: string }) => s.id)).toEqual([body.replacement.id])
    if (OPENSSL) {
      expect((await opensslCheck(newCert.certificate)).output).toContain('seal.pem: OK')
      expect((await opensslCheck(oldCert.certificate)).output).toContain('certificate revoked')
    }
    // A second replace of the old seal changes nothing.
    const again = await revoke(fx.seals.official, { reason: '重复', pin: REP_PIN }, fx.rep, 'replace')
    expect(again.json().code).toBe('SEAL_ALREADY_REVOKED')
  })

  it('signs with the new seal', async () => {
    const created = await createTask(app, fx.system, {
      enterpriseUscc: fx.ruifengUscc,
      signers: [{ sealType: 'official' }],
      documentName: '证明',
      document: Buffer.from('证明').toString('base64'),
    })
    expect(created.statusCode).toBe(201)
    await scan(app, fx.rep, created.json().ticket)
    const signed = await confirm(app, fx.rep, created.json().taskId, { pin: REP_PIN })
    expect(signed.statusCode).toBe(200)
  })
})

describe('个人电子签名: the owner revokes or replaces their own', () => {
  const mine = () => app.inject({ method: 'GET', url: '/api/v1/signatures/mine', headers: fx.handler })
  const post = (action: 'revoke' | 'replace', payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: `/api/v1/signatures/mine/${action}`, headers: fx.handler, payload })
  const personalCerts = async (id: string) =>
    (
      await testDb.db.query<{ serial: string; certificate: string; revoked_at: Date | null }>(
        'select serial, certificate, revoked_at from pki_certificates where personal_signature_id = $1',
        [id],
      )
    ).rows

  // One story: the revocation needs the PIN the replacement set, and would leave nothing to replace.
  it('replaces it after a face check of the same person, in one step (old certificate revoked, new one issued); then revokes it with the new PIN, once, onto the CRL', async () => {
    const old = (await mine()).json().signature
    const blank = await post('replace', {
      reason: '',
      ticket: await faceTicket(app, fx.handler, 'claim-signature', STRANGER),
      pin: '975310',
      image: { kind: 'name' },
    })
    expect(blank.statusCode).toBe(400)
    const someoneElse = await post('replace', {
      reason: '更换签名样式',
      ticket: await faceTicket(app, fx.handler, 'claim-signature', ZHANG),
      pin: '975310',
      image: { kind: 'name' },
    })
    expect(someoneElse.json().code).toBe('FACE_MISMATCH')
    expect((await mine()).json().signature.id).toBe(old.id)
    const replaced = await post('replace', {
      reason: '更换签名样式',
      ticket: await faceTicket(app, fx.handler, 'claim-signature', STRANGER),
      pin: '975310',
      image: { kind: 'name' },
    })
    expect(replaced.statusCode).toBe(201)
    expect(replaced.json().id).not.toBe(old.id)
    expect((await personalCerts(old.id))[0].revoked_at).not.toBeNull()
    const [fresh] = await personalCerts(replaced.json().id)
    expect(fresh.revoked_at).toBeNull()
    if (OPENSSL) expect((await opensslCheck(fresh.certificate)).output).toContain('seal.pem: OK')

    const current = (await mine()).json().signature
    const wrong = await post('revoke', { reason: '不再使用', pin: HANDLER_PIN })
    expect(wrong.json().code).toBe('PIN_INVALID')
    const responses = await Promise.all(
      Array.from({ length: 12 }, () => post('revoke', { reason: '不再使用', pin: '975310' })),
    )
    expect(responses.filter((r) => r.statusCode === 200)).toHaveLength(1)
    expect(responses.filter((r) => r.statusCode !== 200).every((r) => r.statusCode === 409)).toBe(true)
    expect((await mine()).json().signature).toBeNull()
    const [cert] = await personalCerts(current.id)
    expect(cert.revoked_at).not.toBeNull()
    if (OPENSSL) expect((await opensslCheck(cert.certificate)).output).toContain('certificate revoked')
  })
})
