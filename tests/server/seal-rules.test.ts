import type { FastifyInstance } from 'fastify'
import { DEMO, expectError, type TestDb } from './helpers'
import {
  closeSigningApp,
  confirm,
  createTask,
  DOC_SM3,
  faceTicket,
  HANDLER_PIN,
  openSigningApp,
  scan,
  STRANGER,
  type SigningFixture,
} from './seal-test-app'
import { NO_SEAL_RULES, type SealRules } from '../../src/domain/signing/sealRules'

/**
 * 用章规则 (issue #15 item 7): refused at creation for the system and the document type, at
 * confirmation for hours, working days and the daily count; every refusal in the audit with its
 * reason code, and a refused task ends like a rejection. The app clock is pinned per test.
 */

const REP_PIN = '135790'
// Monday 2026-03-02, China time.
const MONDAY_10H = Date.parse('2026-03-02T02:00:00Z')
const MONDAY_21H = Date.parse('2026-03-02T13:00:00Z')
const SATURDAY_10H = Date.parse('2026-03-07T02:00:00Z')
// Saturday 2026-02-14 is a 调休 make-up working day.
const MAKEUP_SATURDAY_10H = Date.parse('2026-02-14T02:00:00Z')

let testDb: TestDb
let app: FastifyInstance
let fx: SigningFixture
let clock = MONDAY_10H

// The fixture's seals are claimed (and the handler's grant runs 30 days) from here, so every pinned
// day below falls inside their validity on the one app clock; its sessions outlast the span.
const CLAIMED_10H = Date.parse('2026-02-10T02:00:00Z')

beforeEach(async () => {
  clock = CLAIMED_10H
  ;({ testDb, app, fx } = await openSigningApp({ now: () => clock, config: { sessionTtlHours: 60 * 24 } }))
  clock = MONDAY_10H
})

afterEach(async () => {
  await closeSigningApp(app, testDb)
})

function putRules(auth: { authorization: string }, sealId: string, rules: Partial<SealRules>) {
  return app.inject({
    method: 'PUT',
    url: `/api/v1/enterprises/${fx.ruifeng}/seals/${sealId}/rules`,
    headers: auth,
    payload: { ...NO_SEAL_RULES, ...rules },
  })
}

async function setRules(sealId: string, rules: Partial<SealRules>) {
  const response = await putRules(fx.rep, sealId, rules)
  if (response.statusCode !== 200) throw new Error(`rules failed: ${response.body}`)
  return response.json()
}

function contractTask(extra: Record<string, unknown> = {}) {
  return createTask(app, fx.system, {
    enterpriseUscc: fx.ruifengUscc,
    signers: [{ sealType: 'contract' }],
    documentName: '采购合同',
    documentSm3: DOC_SM3,
    ...extra,
  })
}

async function scannedTask(auth = fx.handler, extra: Record<string, unknown> = {}) {
  const created = await contractTask(extra)
  if (created.statusCode !== 201) throw new Error(`create failed: ${created.body}`)
  const scanned = await scan(app, auth, created.json().ticket)
  if (scanned.statusCode !== 200) throw new Error(`scan failed: ${scanned.body}`)
  return created.json() as { taskId: string; ticket: string }
}

async function auditRows(action: string) {
  const { rows } = await testDb.db.query<{ reason_code: string | null; detail: string; task_id: string | null }>(
    'select reason_code, detail, task_id from seal_audit where enterprise_id = $1 and action = $2 order by id',
    [fx.ruifeng, action],
  )
  return rows
}

async function userId(phone: string): Promise<string> {
  const { rows } = await testDb.db.query<{ id: string }>('select id from users where phone = $1', [phone])
  return rows[0].id
}

describe('editing the rules', () => {
  it('only the legal representative: a handler gets 403 with a reason; bad rules are 400 in Chinese', async () => {
    const handler = await putRules(fx.handler, fx.seals.contract, { dailyLimit: 3 })
    expectError(handler, 403, 'ENTERPRISE_FORBIDDEN')
    expect(handler.json().message).toMatch(/管理印章授权/)
    expectError(
      await app.inject({
        method: 'GET',
        url: `/api/v1/enterprises/${fx.ruifeng}/seals/${fx.seals.contract}/rules`,
        headers: fx.handler,
      }),
      403,
      'ENTERPRISE_FORBIDDEN',
    )

    const backwards = await putRules(fx.rep, fx.seals.contract, { hours: { from: '20:00', to: '08:00' } })
    expectError(backwards, 400, 'VALIDATION_FAILED')
    expect(backwards.json().message).toContain('开始应早于结束')
    expectError(
      await putRules(fx.rep, fx.seals.contract, { hours: { from: '8:00', to: '20:00' } }),
      400,
      'VALIDATION_FAILED',
    )
    expectError(await putRules(fx.rep, fx.seals.contract, { dailyLimit: 0 }), 400, 'VALIDATION_FAILED')
    const official = await putRules(fx.rep, fx.seals.official, {
      secondApproval: { minAmountFen: 100, approverUserIds: [await userId(DEMO.rep)] },
    })
    expectError(official, 400, 'VALIDATION_FAILED')
    expect(official.json().message).toContain('仅适用于合同专用章')
    // Someone with no grant of the seal cannot be named.
    const agent = await putRules(fx.rep, fx.seals.contract, {
      secondApproval: { minAmountFen: 100, approverUserIds: [await userId(DEMO.agent)] },
    })
    expectError(agent, 400, 'VALIDATION_FAILED')

    const saved = await setRules(fx.seals.contract, { hours: { from: '08:00', to: '20:00' }, dailyLimit: 5 })
    expect(saved.rules).toMatchObject({ hours: { from: '08:00', to: '20:00' }, dailyLimit: 5 })
    expect(saved.candidates.approvers.map((a: { role: string }) => a.role).sort()).toEqual([
      'handler',
      'legal_representative',
    ])
    expect((await auditRows('rules'))[0].detail).toContain('08:00–20:00')
  })
})

describe('at creation', () => {
  it('a system id that does not exist cannot be allowed', async () => {
    const response = await putRules(fx.rep, fx.seals.contract, { systemIds: ['00000000-0000-4000-8000-000000000009'] })
    expectError(response, 400, 'VALIDATION_FAILED')
  })

  it('refuses a system or a document type outside the rules, and audits each', async () => {
    const { createSystem } = await import('../../server/kernel/repos/systems')
    const other = await createSystem(testDb.db, '许昌市公文系统', ['sign-tasks'])
    await setRules(fx.seals.contract, { systemIds: [other.id], documentTypes: ['contract'] })
    const wrongSystem = await contractTask({ documentType: 'contract' })
    expectError(wrongSystem, 403, 'SEAL_RULE_SYSTEM')
    expect(wrongSystem.json().message).toContain('合同专用章')

    await setRules(fx.seals.contract, { documentTypes: ['contract'] })
    expectError(await contractTask({ documentType: 'letter' }), 403, 'SEAL_RULE_DOCUMENT_TYPE')
    // A task that names no type cannot prove it is a 合同.
    expectError(await contractTask(), 403, 'SEAL_RULE_DOCUMENT_TYPE')
    expect((await contractTask({ documentType: 'contract' })).statusCode).toBe(201)

    const refused = await auditRows('refused')
    expect(refused.map((row) => row.reason_code)).toEqual([
      'system-not-allowed',
      'document-type-not-allowed',
      'document-type-not-allowed',
    ])
    const { rows } = await testDb.db.query<{ n: number }>('select count(*)::int as n from sign_tasks')
    expect(rows[0].n).toBe(1)
  })

  it('validates documentType and amountFen (integer fen) at the door', async () => {
    expectError(await contractTask({ documentType: '合同' }), 400, 'VALIDATION_FAILED')
    expectError(await contractTask({ amountFen: 12.5 }), 400, 'VALIDATION_FAILED')
    expectError(await contractTask({ amountFen: -1 }), 400, 'VALIDATION_FAILED')
    expectError(await contractTask({ amountFen: '100' }), 400, 'VALIDATION_FAILED')
    const ok = await contractTask({ documentType: 'contract', amountFen: 12_345_600 })
    expect(ok.statusCode).toBe(201)
    const preview = await scan(app, fx.handler, ok.json().ticket)
    expect(preview.json()).toMatchObject({ documentType: 'contract', amountFen: 12_345_600, approval: null })
  })
})

describe('at confirmation', () => {
  it('outside the hours: refused with the reason, the task ends rejected with its code, audited', async () => {
    await setRules(fx.seals.contract, { hours: { from: '08:00', to: '20:00' } })
    clock = MONDAY_21H
    const task = await scannedTask()
    const refused = await confirm(app, fx.handler, task.taskId, { pin: HANDLER_PIN })
    expectError(refused, 403, 'SEAL_RULE_HOURS')
    expect(refused.json().message).toContain('08:00–20:00')
    const view = await app.inject({ method: 'GET', url: `/api/v1/sign-tasks/${task.taskId}`, headers: fx.system })
    expect(view.json()).toMatchObject({ status: 'rejected', refusalCode: 'outside-hours', signatures: [] })
    expect(view.json().rejectReason).toContain('用章时间')
    const { rows } = await testDb.db.query<{ callback_state: string | null }>(
      'select callback_state from sign_tasks where id = $1',
      [task.taskId],
    )
    expect(rows[0].callback_state).toBeNull() // no callbackUrl: nothing to deliver, but the task is final
    expect((await auditRows('refused')).map((row) => [row.reason_code, row.task_id])).toEqual([
      ['outside-hours', task.taskId],
    ])

    clock = MONDAY_10H
    const inside = await scannedTask()
    expect((await confirm(app, fx.handler, inside.taskId, { pin: HANDLER_PIN })).json().status).toBe('signed')
  })

  it('working days only follows the Chinese calendar (a 调休 Saturday is a working day)', async () => {
    await setRules(fx.seals.contract, { workingDaysOnly: true })
    clock = SATURDAY_10H
    const weekend = await scannedTask()
    expectError(await confirm(app, fx.handler, weekend.taskId, { pin: HANDLER_PIN }), 403, 'SEAL_RULE_WORKING_DAY')
    clock = MAKEUP_SATURDAY_10H
    const makeup = await scannedTask()
    expect((await confirm(app, fx.handler, makeup.taskId, { pin: HANDLER_PIN })).statusCode).toBe(200)
  })

  it('12 confirmations at once against a daily limit of 3 leave exactly 3 signatures; the next day counts anew', async () => {
    await setRules(fx.seals.contract, { dailyLimit: 3 })
    // By face: twelve PINs at once would meet the PIN's own lock (five tries per window) first.
    const tasks: { taskId: string; face: string }[] = []
    for (let i = 0; i < 12; i++) {
      const task = await scannedTask()
      tasks.push({ ...task, face: await faceTicket(app, fx.handler, `sign:${task.taskId}`, STRANGER) })
    }
    const answers = await Promise.all(tasks.map((task) => confirm(app, fx.handler, task.taskId, { ticket: task.face })))
    const codes = answers.map((answer) => answer.statusCode).sort()
    expect(codes.filter((code) => code === 200)).toHaveLength(3)
    expect(codes.filter((code) => code === 429)).toHaveLength(9)
    for (const answer of answers.filter((a) => a.statusCode === 429))
      expect(answer.json().code).toBe('SEAL_RULE_DAILY_LIMIT')
    const { rows } = await testDb.db.query<{ n: number }>('select count(*)::int as n from signature_records')
    expect(rows[0].n).toBe(3)
    expect((await auditRows('refused')).filter((row) => row.reason_code === 'daily-limit-reached')).toHaveLength(9)

    clock = MONDAY_10H + 86_400_000
    const tomorrow = await scannedTask()
    expect((await confirm(app, fx.handler, tomorrow.taskId, { pin: HANDLER_PIN })).statusCode).toBe(200)
  })
})

describe('two-person approval (合同专用章 above an amount)', () => {
  async function requireSecond(approvers: string[]) {
    await setRules(fx.seals.contract, { secondApproval: { minAmountFen: 10_000_000, approverUserIds: approvers } })
  }

  it('waits after the first confirmation; the same person twice is refused; another named person completes it once', async () => {
    await requireSecond([await userId(DEMO.rep)])
    const task = await scannedTask(fx.handler, { amountFen: 20_000_000, documentType: 'contract' })
    const first = await confirm(app, fx.handler, task.taskId, { pin: HANDLER_PIN })
    expect(first.statusCode).toBe(200)
    expect(first.json()).toMatchObject({ status: 'awaiting_second', statusLabel: '待第二人确认', signatures: [] })
    expect(first.json().approval.firstConfirmedBy).toBeTruthy()
    expect(first.json().approval.waitingFor).toHaveLength(1)
    const polled = await app.inject({ method: 'GET', url: `/api/v1/sign-tasks/${task.taskId}`, headers: fx.system })
    expect(polled.json().status).toBe('awaiting_second')

    expectError(await confirm(app, fx.handler, task.taskId, { pin: HANDLER_PIN }), 409, 'SECOND_APPROVER_SAME_PERSON')
    expectError(await scan(app, fx.handler, task.ticket), 409, 'SECOND_APPROVER_SAME_PERSON')

    const preview = await scan(app, fx.rep, task.ticket)
    expect(preview.statusCode).toBe(200)
    expect(preview.json().approval.waitingFor).toHaveLength(1)
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => confirm(app, fx.rep, task.taskId, { pin: REP_PIN })),
    )
    expect(answers.filter((answer) => answer.statusCode === 200)).toHaveLength(1)
    const { rows } = await testDb.db.query<{ n: number }>(
      'select count(*)::int as n from signature_records where task_id = $1',
      [task.taskId],
    )
    expect(rows[0].n).toBe(1)
    const done = await app.inject({ method: 'GET', url: `/api/v1/sign-tasks/${task.taskId}`, headers: fx.system })
    expect(done.json()).toMatchObject({ status: 'signed', approval: { waitingFor: [] } })
    expect(await auditRows('approve')).toHaveLength(2)
  })

  it('a person not named cannot be the second; below the amount one confirmation signs', async () => {
    await requireSecond([await userId(DEMO.handler)])
    // The legal representative scans and confirms first; only the handler is named as second.
    const task = await scannedTask(fx.rep, { amountFen: 50_000_000 })
    expect((await confirm(app, fx.rep, task.taskId, { pin: REP_PIN })).json().status).toBe('awaiting_second')
    expect((await confirm(app, fx.handler, task.taskId, { pin: HANDLER_PIN })).json().status).toBe('signed')

    await requireSecond([await userId(DEMO.rep)])
    const byHandler = await scannedTask(fx.handler, { amountFen: 20_000_000 })
    await confirm(app, fx.handler, byHandler.taskId, { pin: HANDLER_PIN })
    // the handler again (not named, and the first) — and someone else not named is refused
    await setRules(fx.seals.contract, {
      secondApproval: { minAmountFen: 10_000_000, approverUserIds: [await userId(DEMO.handler)] },
    })
    expectError(await confirm(app, fx.rep, byHandler.taskId, { pin: REP_PIN }), 403, 'SECOND_APPROVER_NOT_NAMED')

    const small = await scannedTask(fx.handler, { amountFen: 9_999_999 })
    expect((await confirm(app, fx.handler, small.taskId, { pin: HANDLER_PIN })).json().status).toBe('signed')
    // No amount stated: counts as above (fails closed).
    const unknown = await scannedTask(fx.handler)
    expect((await confirm(app, fx.handler, unknown.taskId, { pin: HANDLER_PIN })).json().status).toBe('awaiting_second')
  })

  it('the second approver opens the document and confirms by face', async () => {
    await requireSecond([await userId(DEMO.handler)])
    const created = await contractTask({
      amountFen: 50_000_000,
      document: Buffer.from('%PDF-1.7 合同').toString('base64'),
      documentSm3: undefined,
    })
    expect(created.statusCode).toBe(201)
    const { taskId, ticket } = created.json()
    await scan(app, fx.rep, ticket)
    expect((await confirm(app, fx.rep, taskId, { pin: REP_PIN })).json().status).toBe('awaiting_second')
    const documentUrl = `/api/v1/sign-tasks/${taskId}/document`
    expect((await scan(app, fx.handler, ticket)).statusCode).toBe(200)
    expect((await app.inject({ method: 'GET', url: documentUrl, headers: fx.handler })).statusCode).toBe(200)
    const face = await faceTicket(app, fx.handler, `sign:${taskId}`, STRANGER)
    const signed = await confirm(app, fx.handler, taskId, { ticket: face })
    expect(signed.json().status).toBe('signed')
  })
})
