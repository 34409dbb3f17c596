import type { FastifyInstance } from 'fastify'
import { generateSm2KeyPair, sm2PublicKeyPem, sm2Sign } from '../../server/capabilities/esign/signing/sm2'
import * as endpoints from '../../src/contract/esign/endpoints'
import { requestOf } from './contract-request'
import type { SignatureRecord } from '../../src/contract/esign/schemas'
import { DEMO, expectError, type TestDb } from './helpers'
import { type SigningFixture, closeSigningApp, openSigningApp, signThroughTask } from './seal-test-app'

let testDb: TestDb
let app: FastifyInstance
let fx: SigningFixture
const DOCUMENT = Buffer.from('%PDF-1.7\n采购合同：甲方许昌瑞丰食品有限公司，乙方……金额 ¥128,000.00\n%%EOF')
let record: SignatureRecord
let personalRecord: SignatureRecord

const signedRecord = (signers: unknown[]) => signThroughTask(app, fx, DOCUMENT, signers)

beforeAll(async () => {
  ;({ testDb, app, fx } = await openSigningApp())
  record = await signedRecord([{ sealType: 'contract' }])
  personalRecord = await signedRecord([{ personalSignature: { role: 'handler', phone: DEMO.handler } }])
})
afterAll(() => closeSigningApp(app, testDb))

/** No Authorization header: 验章 is open to anyone. */
const verify = (body: Record<string, unknown>) => app.inject({ ...requestOf(endpoints.verifySeal), payload: body })
const withDocument = (document: Buffer, signatureRecord: object = record) =>
  verify({ signatureRecord, document: document.toString('base64') })

describe('验章', () => {
  it('confirms a genuine signature over the unchanged document, without login', async () => {
    const response = await withDocument(DOCUMENT)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      valid: true,
      checks: {
        hashMatches: true,
        signatureValid: true,
        sealValidAtSigningTime: true,
        signerAuthorisedAtSigningTime: true,
        sealNotRevoked: true,
      },
      seal: { id: fx.seals.contract, kind: 'seal', name: '许昌瑞丰食品有限公司合同专用章', holder: fx.ruifengUscc },
      signedAt: record.signedAt,
      problems: [],
      steps: expect.any(Array),
      receipt: expect.objectContaining({ format: 'zqt-verification-receipt/1' }),
    })
    expect(response.json().steps.map((step: { name: string; passed: boolean }) => [step.name, step.passed])).toEqual([
      ['签章值', true],
      ['签章人证书与印章绑定', true],
      ['签章人授权', true],
      ['印章数据与制章者签名', true],
      ['证书链、有效期与吊销', true],
      ['印章有效期', true],
      ['原文杂凑', true],
      ['时间戳', true],
    ])
    expect(
      (await verify({ signatureRecord: record, documentSm3: record.documentSm3.toUpperCase() })).json().valid,
    ).toBe(true)
    expect((await withDocument(DOCUMENT, personalRecord)).json().valid).toBe(true)
  })

  it('says the hash does not match when one byte of the document changed', async () => {
    const changed = Buffer.from(DOCUMENT)
    changed[20] ^= 0x01
    const response = await withDocument(changed)
    expect(response.json().valid).toBe(false)
    expect(response.json().checks).toEqual({
      hashMatches: false,
      signatureValid: true,
      sealValidAtSigningTime: true,
      signerAuthorisedAtSigningTime: true,
      sealNotRevoked: true,
    })
    expect(response.json().problems).toEqual(['文件摘要与签章记录不一致：文件可能已被修改'])
  })

  it('refuses signed bytes that were altered', async () => {
    const text = Buffer.from(record.tbs, 'base64').toString('utf8').replace('采购合同', '借款合同')
    const response = await withDocument(DOCUMENT, { ...record, tbs: Buffer.from(text).toString('base64') })
    expect(response.json().checks).toMatchObject({
      hashMatches: true,
      signatureValid: false,
      signerAuthorisedAtSigningTime: false,
    })
    expect(response.json().valid).toBe(false)
  })

  it('does not trust the key inside the record: a forger’s own key and signature are refused', async () => {
    const forger = generateSm2KeyPair()
    const tbs = Buffer.from(record.tbs, 'base64')
    const forged = {
      ...record,
      signerPublicKey: sm2PublicKeyPem(forger.publicKeyHex),
      signature: sm2Sign(tbs, forger).toString('base64'),
    }
    expect((await withDocument(DOCUMENT, forged)).json().checks.signatureValid).toBe(false)
    // The genuine signature with a wrong key in the record fails too.
    expect(
      (await withDocument(DOCUMENT, { ...record, signerPublicKey: forged.signerPublicKey })).json().checks
        .signatureValid,
    ).toBe(false)
  })

  it('reads garbage as not ours', async () => {
    const response = await withDocument(DOCUMENT, {
      ...record,
      tbs: Buffer.from('{"hello":"world"}').toString('base64'),
    })
    expect(response.json()).toMatchObject({ valid: false, seal: null, signedAt: null })
    expect(response.json().problems[0]).toContain('无法解析')
    expectError(await verify({ signatureRecord: record }), 400, 'VALIDATION_FAILED')
    expectError(
      await verify({ signatureRecord: { ...record, tbs: '%%%' }, documentSm3: record.documentSm3 }),
      400,
      'VALIDATION_FAILED',
    )
  })

  it('judges revocation and validity at the signing time', async () => {
    const signedAt = record.signedAt
    // Revoked after signing: what it signed stands.
    await testDb.db.query(`update seals set revoked_at = $2::timestamptz + interval '1 minute' where id = $1`, [
      fx.seals.contract,
      signedAt,
    ])
    expect((await withDocument(DOCUMENT)).json().checks.sealNotRevoked).toBe(true)
    // Revoked before: not.
    await testDb.db.query(`update seals set revoked_at = $2::timestamptz - interval '1 minute' where id = $1`, [
      fx.seals.contract,
      signedAt,
    ])
    expect((await withDocument(DOCUMENT)).json()).toMatchObject({ valid: false, checks: { sealNotRevoked: false } })
    await testDb.db.query('update seals set revoked_at = null where id = $1', [fx.seals.contract])

    const { rows } = await testDb.db.query<{ valid_from: Date }>('select valid_from from seals where id = $1', [
      fx.seals.contract,
    ])
    await testDb.db.query(`update seals set valid_from = $2::timestamptz + interval '1 day' where id = $1`, [
      fx.seals.contract,
      signedAt,
    ])
    expect((await withDocument(DOCUMENT)).json().checks.sealValidAtSigningTime).toBe(false)
    await testDb.db.query('update seals set valid_from = $2 where id = $1', [fx.seals.contract, rows[0].valid_from])
    expect((await withDocument(DOCUMENT)).json().valid).toBe(true)
  })

  it('checks that the grant covered the signing time', async () => {
    const { rows } = await testDb.db.query<{ id: string }>(
      'select id from seal_grants where grantee_user_id is not null',
    )
    await testDb.db.query(`update seal_grants set revoked_at = $2::timestamptz + interval '1 minute' where id = $1`, [
      rows[0].id,
      record.signedAt,
    ])
    expect((await withDocument(DOCUMENT)).json().checks.signerAuthorisedAtSigningTime).toBe(true)
    await testDb.db.query(`update seal_grants set revoked_at = $2::timestamptz - interval '1 second' where id = $1`, [
      rows[0].id,
      record.signedAt,
    ])
    expect((await withDocument(DOCUMENT)).json()).toMatchObject({
      valid: false,
      checks: { signerAuthorisedAtSigningTime: false },
    })
    await testDb.db.query('update seal_grants set revoked_at = null where id = $1', [rows[0].id])
  })

  it('needs our own record of the signature to call the signer authorised', async () => {
    await testDb.db.query(`update signature_records set signature = 'x' || signature where task_id = $1`, [
      record.taskId,
    ])
    expect((await withDocument(DOCUMENT)).json().checks).toMatchObject({
      signatureValid: true,
      signerAuthorisedAtSigningTime: false,
    })
    await testDb.db.query(`update signature_records set signature = substr(signature, 2) where task_id = $1`, [
      record.taskId,
    ])
    expect((await withDocument(DOCUMENT)).json().valid).toBe(true)
  })
})

describe('验章 by the verification link (record id and SM3)', () => {
  it('verifies a record of ours by its id, each step in words', async () => {
    const response = await verify({ recordId: record.id, documentSm3: record.documentSm3 })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ valid: true, signedAt: record.signedAt })
    expect(response.json().steps.map((step: { name: string }) => step.name)).toEqual([
      '签章值',
      '签章人证书与印章绑定',
      '签章人授权',
      '印章数据与制章者签名',
      '证书链、有效期与吊销',
      '印章有效期',
      '原文杂凑',
      '时间戳',
    ])
    // The chosen file is another one: the first step says so in words, the rest still hold.
    const other = await verify({
      recordId: record.id.toUpperCase(),
      document: Buffer.from('别的文件').toString('base64'),
    })
    expect(other.json().valid).toBe(false)
    const steps: { key: string; name: string; passed: boolean; text: string }[] = other.json().steps
    expect(steps.find((step) => step.name === '原文杂凑')).toMatchObject({ key: 'documentHash', passed: false })
    expect(steps.filter((step) => step.name !== '原文杂凑').every((step) => step.passed)).toBe(true)
  })

  it('needs exactly one of the record and its id, and says when the id is unknown', async () => {
    expectError(await verify({ documentSm3: record.documentSm3 }), 400, 'VALIDATION_FAILED')
    expectError(
      await verify({ recordId: record.id, signatureRecord: record, documentSm3: record.documentSm3 }),
      400,
      'VALIDATION_FAILED',
    )
    expectError(await verify({ recordId: 'not-a-uuid', documentSm3: record.documentSm3 }), 400, 'VALIDATION_FAILED')
    const unknown = await verify({ recordId: '00000000-0000-4000-8000-000000000000', documentSm3: record.documentSm3 })
    expectError(unknown, 404, 'NOT_FOUND')
    expect(unknown.json().message).toContain('签章记录不存在')
  })
})
