import type { FastifyInstance } from 'fastify'
import { createSystem } from '../../server/kernel/repos/systems'
import { sm3Hex } from '../../server/capabilities/esign/signing/sm2'
import { parseSignQrContent } from '../../src/domain/signing/signTicket'
import { parseTbs } from '../../src/domain/signing/tbs'
import { bearer, DEMO, expectError, type TestDb } from './helpers'
import {
  DOC_SM3,
  HANDLER_PIN,
  confirm,
  createTask,
  sandboxUser,
  scan,
  type SigningFixture,
  closeSigningApp,
  openSigningApp,
} from './seal-test-app'

let testDb: TestDb
let app: FastifyInstance
let fx: SigningFixture

beforeAll(async () => {
  ;({ testDb, app, fx } = await openSigningApp())
})
afterAll(() => closeSigningApp(app, testDb))

const contractTask = (extra: Record<string, unknown> = {}) =>
  createTask(app, fx.system, {
    enterpriseUscc: fx.ruifengUscc,
    signers: [{ sealType: 'contract' }],
    documentName: '采购合同 2025-003',
    documentSm3: DOC_SM3,
    ...extra,
  })
const taskStatus = (taskId: string, system = fx.system) =>
  app.inject({ method: 'GET', url: `/api/v1/sign-tasks/${taskId}`, headers: system })

describe('creating sign tasks (external systems)', () => {
  it('returns a single-use ticket and QR content that carries only the ticket', async () => {
    const response = await contractTask()
    expect(response.statusCode).toBe(201)
    const { taskId, ticket, qrContent, expiresAt } = response.json()
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(qrContent).toBe(`https://zqt.example.gov.cn/s/${ticket}`)
    expect(parseSignQrContent(qrContent)).toEqual({ kind: 'sign-ticket', host: 'zqt.example.gov.cn', ticket })
    const ttl = Date.parse(expiresAt) - Date.now()
    expect(ttl).toBeGreaterThan(290_000)
    expect(ttl).toBeLessThanOrEqual(300_000)
    const { rows } = await testDb.db.query('select * from sign_tasks where id = $1', [taskId])
    expect(JSON.stringify(rows)).not.toContain(ticket)

    const status = await taskStatus(taskId)
    expect(status.json()).toMatchObject({
      status: 'pending',
      statusLabel: '待扫码',
      documentSm3: DOC_SM3,
      signatures: [],
    })
  })

  it('hashes a document sent in full with SM3', async () => {
    const document = Buffer.from('%PDF-1.7 采购合同正文…')
    const response = await contractTask({ documentSm3: undefined, document: document.toString('base64') })
    expect((await taskStatus(response.json().taskId)).json().documentSm3).toBe(sm3Hex(document))
  })

  it('refuses what it cannot honour', async () => {
    expectError(await contractTask({ document: 'AAAA' }), 400, 'VALIDATION_FAILED')
    expectError(await contractTask({ documentSm3: undefined }), 400, 'VALIDATION_FAILED')
    expectError(await contractTask({ documentSm3: 'xyz' }), 400, 'VALIDATION_FAILED')
    expectError(await contractTask({ enterpriseUscc: '91411002MA3X7R2K5A' }), 400, 'VALIDATION_FAILED')
    expectError(await contractTask({ enterpriseUscc: '91350100M000100Y43' }), 404, 'ENTERPRISE_NOT_FOUND')
    expectError(
      await contractTask({ signers: [{ sealType: 'contract' }, { sealType: 'contract' }] }),
      400,
      'VALIDATION_FAILED',
    )
    expectError(await contractTask({ callbackUrl: 'ftp://example.com/x' }), 400, 'VALIDATION_FAILED')
    expectError(await contractTask({ expiresInSeconds: 5 }), 400, 'VALIDATION_FAILED')
    // 建丰 has not claimed its seals.
    const jianfeng = await testDb.db.query<{ uscc: string }>(`select uscc from enterprises where name like '%建丰%'`)
    const unclaimed = await contractTask({ enterpriseUscc: jianfeng.rows[0].uscc })
    expectError(unclaimed, 409, 'SEAL_NOT_AVAILABLE')
    expect(unclaimed.json().message).toContain('合同专用章')
  })

  it('needs a system key with the sign-tasks scope, and shows a task only to its own system', async () => {
    expectError(await createTask(app, bearer('zqt_sys_nope'), {}), 401, 'SYSTEM_KEY_INVALID')
    const other = await createSystem(testDb.db, '证照系统', ['licence-import'])
    expectError(await createTask(app, bearer(other.apiKey), {}), 403, 'FORBIDDEN')
    const taskId = (await contractTask()).json().taskId
    const peer = await createSystem(testDb.db, '另一个签章系统', ['sign-tasks'])
    expectError(await taskStatus(taskId, bearer(peer.apiKey)), 404, 'SIGN_TASK_NOT_FOUND')
  })
})

describe('scanning', () => {
  it('previews the task for a handler granted the seal, and binds the ticket to them', async () => {
    const { taskId, ticket } = (await contractTask()).json()
    const preview = await scan(app, fx.handler, ticket)
    expect(preview.statusCode).toBe(200)
    expect(preview.json()).toMatchObject({
      taskId,
      documentName: '采购合同 2025-003',
      documentSm3: DOC_SM3,
      requestedBy: '许昌市合同管理平台',
      enterprise: { id: fx.ruifeng, name: '许昌瑞丰食品有限公司', uscc: fx.ruifengUscc },
      signers: [{ kind: 'seal', sealType: 'contract', sealId: fx.seals.contract }],
      facePurpose: `sign:${taskId}`,
      pinAvailable: true,
    })
    expect((await taskStatus(taskId)).json()).toMatchObject({ status: 'scanned', statusLabel: '已扫码' })
    // The same person may open it again; anyone else is told it is taken.
    expect((await scan(app, fx.handler, ticket)).statusCode).toBe(200)
    expectError(await scan(app, fx.rep, ticket), 409, 'SIGN_TASK_SCANNED_BY_OTHER')
  })

  it('refuses codes that are not tickets of ours', async () => {
    expectError(await scan(app, fx.handler, 'x'.repeat(32)), 404, 'SIGN_TICKET_INVALID')
    expectError(await scan(app, fx.handler, 'https://zqt.example.gov.cn/s/abc'), 404, 'SIGN_TICKET_INVALID')
  })

  it('refuses a user of another enterprise without taking the ticket from the right person', async () => {
    const { taskId, ticket } = (await contractTask()).json()
    const outsider = await sandboxUser(app, '13900005555')
    const refused = await scan(app, outsider, ticket)
    expectError(refused, 403, 'SIGN_WRONG_ENTERPRISE')
    expect((await taskStatus(taskId)).json().status).toBe('pending')
    expect((await scan(app, fx.handler, ticket)).statusCode).toBe(200)
  })

  it('refuses a handler for a seal they were not granted', async () => {
    const { ticket } = (
      await createTask(app, fx.system, {
        enterpriseUscc: fx.ruifengUscc,
        signers: [{ sealType: 'official' }],
        documentName: '授权委托书',
        documentSm3: DOC_SM3,
      })
    ).json()
    expectError(await scan(app, fx.handler, ticket), 403, 'SIGN_NOT_AUTHORISED')
  })

  it('refuses an expired ticket, and the sweep makes the expiry final', async () => {
    const { taskId, ticket } = (await contractTask()).json()
    await testDb.db.query(`update sign_tasks set expires_at = now() - interval '1 second' where id = $1`, [taskId])
    expectError(await scan(app, fx.handler, ticket), 410, 'SIGN_TASK_EXPIRED')
    expect((await taskStatus(taskId)).json()).toMatchObject({ status: 'expired', statusLabel: '已过期' })
    await app.signing.sweep()
    const { rows } = await testDb.db.query<{ status: string }>('select status from sign_tasks where id = $1', [taskId])
    expect(rows[0].status).toBe('expired')
  })

  it('matches a personal-signature slot to the person it names', async () => {
    const { ticket } = (
      await createTask(app, fx.system, {
        enterpriseUscc: fx.ruifengUscc,
        signers: [{ personalSignature: { role: 'handler', phone: DEMO.handler } }],
        documentName: '经办人承诺书',
        documentSm3: DOC_SM3,
      })
    ).json()
    expectError(await scan(app, fx.rep, ticket), 403, 'SIGN_NOT_AUTHORISED')
    const preview = await scan(app, fx.handler, ticket)
    expect(preview.json().signers).toEqual([
      { kind: 'personal', role: 'handler', holderName: '赵六', imageSvg: expect.stringContaining('<svg') },
    ])

    const repSlot = (
      await createTask(app, fx.system, {
        enterpriseUscc: fx.ruifengUscc,
        signers: [{ personalSignature: { role: 'legal_representative' } }],
        documentName: '法定代表人声明',
        documentSm3: DOC_SM3,
      })
    ).json()
    expectError(await scan(app, fx.handler, repSlot.ticket), 403, 'SIGN_NOT_AUTHORISED')
    // The legal representative has seals but no personal signature yet.
    expectError(await scan(app, fx.rep, repSlot.ticket), 409, 'SIGNATURE_NOT_CLAIMED')
  })
})

describe('confirming and rejecting', () => {
  it('signs server-side with the PIN; the system then sees 已签署 and the SES signature', async () => {
    const { taskId, ticket } = (await contractTask()).json()
    await scan(app, fx.handler, ticket)
    expectError(await confirm(app, fx.handler, taskId, { pin: '000001' }), 403, 'PIN_INVALID')
    expectError(await confirm(app, fx.handler, taskId, {}), 400, 'VALIDATION_FAILED')
    const signed = await confirm(app, fx.handler, taskId, { pin: HANDLER_PIN })
    expect(signed.statusCode).toBe(200)
    expect(signed.json()).toMatchObject({ status: 'signed', statusLabel: '已签署', finishedAt: expect.any(String) })

    const status = (await taskStatus(taskId)).json()
    expect(status.signatures).toHaveLength(1)
    const record = status.signatures[0]
    expect(record).toMatchObject({
      format: 'zqt-ses-signature/1',
      kind: 'seal',
      sealId: fx.seals.contract,
      name: '许昌瑞丰食品有限公司合同专用章',
      documentSm3: DOC_SM3,
      signatureAlgorithm: '1.2.156.10197.1.501',
      digestAlgorithm: '1.2.156.10197.1.401',
      signerId: '1234567812345678',
    })
    const tbs = parseTbs(Buffer.from(record.tbs, 'base64').toString('utf8'))
    if (!tbs.ok) throw new Error(`tbs does not parse: ${tbs.problem}`)
    expect(tbs.tbs).toMatchObject({
      dataHash: DOC_SM3,
      timeInfo: record.signedAt,
      eseal: { id: fx.seals.contract, kind: 'seal', type: 'contract', holder: fx.ruifengUscc },
      propertyInfo: {
        taskId,
        requestedBy: '许昌市合同管理平台',
        signer: { basis: 'grant', confirmedBy: 'pin', name: '王磊' },
      },
    })

    // The ticket cannot be used again.
    expectError(await scan(app, fx.handler, ticket), 409, 'SIGN_TASK_ALREADY_SIGNED')
    expectError(await confirm(app, fx.handler, taskId, { pin: HANDLER_PIN }), 409, 'SIGN_TASK_ALREADY_SIGNED')

    const audit = await app.inject({
      method: 'GET',
      url: `/api/v1/enterprises/${fx.ruifeng}/seal-audit`,
      headers: fx.rep,
    })
    expect(audit.json().items.find((e: { action: string }) => e.action === 'sign')).toMatchObject({
      taskId,
      sealId: fx.seals.contract,
    })
    expect(audit.json().items.find((e: { action: string }) => e.action === 'pin-failed')).toMatchObject({ taskId })
  })

  it('stops the signing when the grant is revoked between scan and confirmation', async () => {
    const { taskId, ticket } = (await contractTask()).json()
    await scan(app, fx.handler, ticket)
    const { rows } = await testDb.db.query<{ id: string }>(
      'select id from seal_grants where grantee_user_id is not null limit 1',
    )
    const revoked = await app.inject({
      method: 'DELETE',
      url: `/api/v1/enterprises/${fx.ruifeng}/seal-grants/${rows[0].id}`,
      headers: fx.rep,
    })
    expect(revoked.statusCode).toBe(200)
    // It was the handler's only grant: they are no longer linked to the enterprise at all.
    expectError(await confirm(app, fx.handler, taskId, { pin: HANDLER_PIN }), 403, 'SIGN_WRONG_ENTERPRISE')
    expect((await taskStatus(taskId)).json().status).toBe('scanned')
    // Restore the grant and the link for the following tests.
    await testDb.db.query('update seal_grants set revoked_at = null where id = $1', [rows[0].id])
    await testDb.db.query(
      `insert into user_enterprises (user_id, enterprise_id, role) select grantee_user_id, enterprise_id, 'handler'
       from seal_grants where id = $1`,
      [rows[0].id],
    )
  })

  it('only lets the scanner confirm', async () => {
    const { taskId, ticket } = (await contractTask()).json()
    expectError(await confirm(app, fx.handler, taskId, { pin: HANDLER_PIN }), 409, 'SIGN_TASK_NOT_SCANNED')
    await scan(app, fx.handler, ticket)
    expectError(await confirm(app, fx.rep, taskId, { pin: '135790' }), 409, 'SIGN_TASK_SCANNED_BY_OTHER')
  })

  it('records a rejection with its reason', async () => {
    const { taskId, ticket } = (await contractTask()).json()
    await scan(app, fx.handler, ticket)
    const rejected = await app.inject({
      method: 'POST',
      url: `/api/v1/sign-tasks/${taskId}/reject`,
      headers: fx.handler,
      payload: { reason: '金额与约定不符' },
    })
    expect(rejected.json()).toMatchObject({ status: 'rejected', statusLabel: '已拒绝', rejectReason: '金额与约定不符' })
    expectError(await confirm(app, fx.handler, taskId, { pin: HANDLER_PIN }), 409, 'SIGN_TASK_REJECTED')
    expectError(await scan(app, fx.handler, ticket), 409, 'SIGN_TASK_REJECTED')
  })
})
