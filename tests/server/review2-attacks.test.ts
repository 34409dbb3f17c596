import type { FastifyInstance } from 'fastify'
import { DEMO, expectError, type TestDb } from './helpers'
import {
  closeSigningApp,
  confirm,
  createTask,
  DOC_SM3,
  HANDLER_PIN,
  openSigningApp,
  sandboxUser,
  scan,
  type SigningFixture,
} from './seal-test-app'
import { NO_SEAL_RULES, type SealRules } from '../../src/domain/signing/sealRules'

/**
 * review2: a stranger attacks 用章规则, 双人审批 and 注销/重新制章 (issue #15). Never a 5xx for
 * client input; only the legal representative of the enterprise; decisions made once under races.
 * The app clock is pinned (Monday 10:00 China time).
 */

const REP_PIN = '135790'
const MONDAY_10H = Date.parse('2026-03-02T02:00:00Z')

let testDb: TestDb
let app: FastifyInstance
let fx: SigningFixture
let clock: () => number = () => MONDAY_10H

beforeEach(async () => {
  clock = () => MONDAY_10H
  ;({ testDb, app, fx } = await openSigningApp({ now: () => clock() }))
})
afterEach(async () => {
  await closeSigningApp(app, testDb)
})

const rulesUrl = (sealId: string, enterpriseId = fx.ruifeng) =>
  `/api/v1/enterprises/${enterpriseId}/seals/${sealId}/rules`
const putRules = (auth: Record<string, string>, sealId: string, rules: Record<string, unknown>) =>
  app.inject({ method: 'PUT', url: rulesUrl(sealId), headers: auth, payload: { ...NO_SEAL_RULES, ...rules } })
const revoke = (
  auth: Record<string, string>,
  sealId: string,
  payload: Record<string, unknown>,
  action: 'revoke' | 'replace' = 'revoke',
) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/enterprises/${fx.ruifeng}/seals/${sealId}/${action}`,
    headers: auth,
    payload,
  })

async function scannedContractTask(auth = fx.handler) {
  const created = await createTask(app, fx.system, {
    enterpriseUscc: fx.ruifengUscc,
    signers: [{ sealType: 'contract' }],
    documentName: '采购合同',
    documentSm3: DOC_SM3,
  })
  if (created.statusCode !== 201) throw new Error(`create failed: ${created.body}`)
  const scanned = await scan(app, auth, created.json().ticket)
  if (scanned.statusCode !== 200) throw new Error(`scan failed: ${scanned.body}`)
  return created.json() as { taskId: string; ticket: string }
}

describe('role checks on every new route', () => {
  it('handler, agent, a user of no enterprise and a signed-out caller are refused; nothing changes', async () => {
    const agent = await sandboxUser(app, DEMO.agent)
    const nobody = await sandboxUser(app, '13800000077')
    const callers: [string, Record<string, string>, number[]][] = [
      ['handler', fx.handler, [403]],
      ['agent', agent, [403]],
      ['nobody', nobody, [403, 404]],
      ['signed out', {}, [401]],
    ]
    for (const [who, auth, statuses] of callers) {
      const responses = [
        await app.inject({ method: 'GET', url: rulesUrl(fx.seals.contract), headers: auth }),
        await putRules(auth, fx.seals.contract, { dailyLimit: 1 }),
        await revoke(auth, fx.seals.contract, { reason: '测试', pin: REP_PIN }),
        await revoke(auth, fx.seals.contract, { reason: '测试', pin: REP_PIN }, 'replace'),
      ]
      for (const response of responses)
        expect({ who, ok: statuses.includes(response.statusCode) }).toEqual({ who, ok: true })
    }
    const { rows } = await testDb.db.query('select 1 from seals where id = $1 and revoked_at is null', [
      fx.seals.contract,
    ])
    expect(rows).toHaveLength(1)
    const { rows: rules } = await testDb.db.query('select 1 from seal_rules')
    expect(rules).toHaveLength(0)
  })

  it("a seal of another enterprise is not found through this enterprise's path", async () => {
    const { rows } = await testDb.db.query<{ id: string }>(
      'select id from seals where enterprise_id <> $1 and revoked_at is null limit 1',
      [fx.ruifeng],
    )
    if (!rows[0]) return
    const response = await revoke(fx.rep, rows[0].id, { reason: '测试', pin: REP_PIN })
    expect([403, 404]).toContain(response.statusCode)
    const still = await testDb.db.query('select 1 from seals where id = $1 and revoked_at is null', [rows[0].id])
    expect(still.rows).toHaveLength(1)
  })
})

describe('bad input is a 400, never a 5xx', () => {
  it('rules: NUL bytes, huge arrays, bad hours, bad limits, unknown systems, bad amounts', async () => {
    const bad: Record<string, unknown>[] = [
      { systemIds: ['00000000-0000-4000-8000-00000000000\u0000'] },
      { systemIds: Array.from({ length: 10_000 }, () => fx.systemId) },
      { systemIds: ['6f1c1b8e-5d7a-4c1e-9f3a-2b4c6d8e0f12'] },
      { systemIds: [fx.systemId, fx.systemId] },
      { documentTypes: Array.from({ length: 10_000 }, () => 'contract') },
      { documentTypes: ['contract\u0000'] },
      { hours: { from: '24:00', to: '24:00' } },
      { hours: { from: '08:00', to: '25:00' } },
      { hours: { from: '20:00', to: '08:00' } },
      { hours: { from: '08:00\u0000', to: '20:00' } },
      { dailyLimit: 0 },
      { dailyLimit: -1 },
      { dailyLimit: 1e9 },
      { dailyLimit: 1.5 },
      { secondApproval: { minAmountFen: 1.5, approverUserIds: [fx.systemId] } },
      { secondApproval: { minAmountFen: -1, approverUserIds: [fx.systemId] } },
      { secondApproval: { minAmountFen: 'abc', approverUserIds: [fx.systemId] } },
      { secondApproval: { minAmountFen: 2 ** 60, approverUserIds: [fx.systemId] } },
      { secondApproval: { minAmountFen: 100, approverUserIds: [] } },
    ]
    for (const rules of bad) {
      const response = await putRules(fx.rep, fx.seals.contract, rules)
      // 413 for a body over the size limit is a client error too.
      expect({ rules: JSON.stringify(rules).slice(0, 80), ok: [400, 413].includes(response.statusCode) }).toEqual({
        rules: JSON.stringify(rules).slice(0, 80),
        ok: true,
      })
    }
    const { rows } = await testDb.db.query('select 1 from seal_rules')
    expect(rows).toHaveLength(0)
  })

  it('revoke reason: 201 characters, whitespace only, NUL bytes', async () => {
    for (const reason of ['注'.repeat(201), '   \n\t ', '\u0000', '印章遗失\u0000补办']) {
      for (const action of ['revoke', 'replace'] as const) {
        const response = await revoke(fx.rep, fx.seals.contract, { reason, pin: REP_PIN }, action)
        expect({ reason: JSON.stringify(reason).slice(0, 20), status: response.statusCode }).toEqual({
          reason: JSON.stringify(reason).slice(0, 20),
          status: 400,
        })
      }
    }
    const { rows } = await testDb.db.query('select 1 from seals where id = $1 and revoked_at is null', [
      fx.seals.contract,
    ])
    expect(rows).toHaveLength(1)
  })

  it('personal signature revoke: a reason with a NUL byte is a 400', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/signatures/mine/revoke',
      headers: fx.handler,
      payload: { reason: '遗失\u0000', pin: HANDLER_PIN },
    })
    expect(response.statusCode).toBe(400)
  })
})

describe('races', () => {
  it('twelve PUTs of rules at once: all answer, one row with one of them', async () => {
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => putRules(fx.rep, fx.seals.contract, { dailyLimit: i + 1 })),
    )
    expect(responses.map((r) => r.statusCode)).toEqual(Array(12).fill(200))
    const { rows } = await testDb.db.query<{ rules: SealRules | string }>('select rules from seal_rules')
    expect(rows).toHaveLength(1)
  })

  it('replace racing replace: exactly one replacement', async () => {
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        revoke(fx.rep, fx.seals.contract, { reason: '印章磨损', pin: REP_PIN }, 'replace'),
      ),
    )
    const codes = responses.map((r) => r.statusCode).sort()
    expect(codes.filter((c) => c === 200)).toHaveLength(1)
    expect(codes.every((c) => c === 200 || c === 409 || c === 400)).toBe(true)
    const { rows } = await testDb.db.query(
      `select 1 from seals where enterprise_id = $1 and type = 'contract' and revoked_at is null`,
      [fx.ruifeng],
    )
    expect(rows).toHaveLength(1)
  })

  it('revoke racing a confirmation: no signature made with the seal after its revocation', async () => {
    // The app clock moves in real time here (from the pinned Monday): signed_at and revoked_at are
    // both read from it, so their order is the order the database let them happen in.
    const start = performance.now()
    clock = () => MONDAY_10H + Math.round(performance.now() - start)
    for (const delayMs of [-30, -28, -26, -24, -22, -21, -20, -19, -18, -17, -16, -15, -14, -12, -1, 0, 1]) {
      const sealId = fx.seals.contract
      // The legal representative signs (the replacement needs no new grant for the next round).
      const task = await scannedContractTask(fx.rep)
      // Either may start first (a negative delay starts the revoke first).
      const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(ms, 0)))
      const [confirmed, revoked] = await Promise.all([
        later(-delayMs).then(() => confirm(app, fx.rep, task.taskId, { pin: REP_PIN })),
        later(delayMs).then(() => revoke(fx.rep, sealId, { reason: '印章遗失', pin: REP_PIN }, 'replace')),
      ])
      expect(revoked.statusCode).toBe(200)
      expect(confirmed.statusCode).toBeLessThan(500)
      const { rows } = await testDb.db.query<{ signed_at: Date; revoked_at: Date }>(
        `select r.signed_at, s.revoked_at from signature_records r join seals s on s.id = r.seal_id
         where r.task_id = $1`,
        [task.taskId],
      )
      for (const row of rows)
        expect({ delayMs, after: new Date(row.signed_at).getTime() > new Date(row.revoked_at).getTime() }).toEqual({
          delayMs,
          after: false,
        })
      fx.seals.contract = revoked.json().replacement.id
    }
  })

  it('a task scanned before a revoke cannot be confirmed after it', async () => {
    const task = await scannedContractTask()
    expect((await revoke(fx.rep, fx.seals.contract, { reason: '印章遗失', pin: REP_PIN })).statusCode).toBe(200)
    const confirmed = await confirm(app, fx.handler, task.taskId, { pin: HANDLER_PIN })
    expect(confirmed.statusCode).toBeGreaterThanOrEqual(400)
    expect(confirmed.statusCode).toBeLessThan(500)
    const { rows } = await testDb.db.query('select 1 from signature_records where task_id = $1', [task.taskId])
    expect(rows).toHaveLength(0)
  })
})

describe('replacement keeps the governance', () => {
  it("重新制章: the new seal keeps the old seal's 用章规则 (no silent loosening)", async () => {
    const rules = { dailyLimit: 1, hours: { from: '08:00', to: '20:00' }, workingDaysOnly: true }
    expect((await putRules(fx.rep, fx.seals.contract, rules)).statusCode).toBe(200)
    const replaced = await revoke(fx.rep, fx.seals.contract, { reason: '印章磨损', pin: REP_PIN }, 'replace')
    expect(replaced.statusCode).toBe(200)
    const view = await app.inject({
      method: 'GET',
      url: rulesUrl(replaced.json().replacement.id),
      headers: fx.rep,
    })
    expect(view.statusCode).toBe(200)
    expect(view.json().rules).toMatchObject(rules)
  })
})

describe('two-person approval logic', () => {
  async function userId(phone: string): Promise<string> {
    const { rows } = await testDb.db.query<{ id: string }>('select id from users where phone = $1', [phone])
    return rows[0].id
  }
  async function awaitingSecond() {
    const rules = { secondApproval: { minAmountFen: 10_000_000, approverUserIds: [await userId(DEMO.rep)] } }
    expect((await putRules(fx.rep, fx.seals.contract, rules)).statusCode).toBe(200)
    const created = await createTask(app, fx.system, {
      enterpriseUscc: fx.ruifengUscc,
      signers: [{ sealType: 'contract' }],
      documentName: '采购合同',
      documentSm3: DOC_SM3,
      documentType: 'contract',
      amountFen: 20_000_000,
    })
    const task = created.json() as { taskId: string; ticket: string }
    expect((await scan(app, fx.handler, task.ticket)).statusCode).toBe(200)
    const first = await confirm(app, fx.handler, task.taskId, { pin: HANDLER_PIN })
    expect(first.json().status).toBe('awaiting_second')
    return task
  }

  it("the first approver's grant revoked before the second confirms: the task is not signed", async () => {
    const task = await awaitingSecond()
    const { rows } = await testDb.db.query<{ id: string }>(
      'select id from seal_grants where enterprise_id = $1 and revoked_at is null',
      [fx.ruifeng],
    )
    for (const grant of rows) {
      const ended = await app.inject({
        method: 'DELETE',
        url: `/api/v1/enterprises/${fx.ruifeng}/seal-grants/${grant.id}`,
        headers: fx.rep,
      })
      expect(ended.statusCode).toBeLessThan(300)
    }
    expect((await scan(app, fx.rep, task.ticket)).statusCode).toBeLessThan(500)
    expectError(await confirm(app, fx.rep, task.taskId, { pin: REP_PIN }), 403, 'SIGN_NOT_AUTHORISED')
    const signed = await testDb.db.query('select 1 from signature_records where task_id = $1', [task.taskId])
    expect(signed.rows).toHaveLength(0)
  })

  it('a revoke while the task awaits its second approver refuses it; the second cannot sign after', async () => {
    const task = await awaitingSecond()
    const revoked = await revoke(fx.rep, fx.seals.contract, { reason: '印章遗失', pin: REP_PIN }, 'replace')
    expect(revoked.json().refusedTasks).toBe(1)
    const second = await confirm(app, fx.rep, task.taskId, { pin: REP_PIN })
    expect(second.statusCode).toBeGreaterThanOrEqual(400)
    expect(second.statusCode).toBeLessThan(500)
    const signed = await testDb.db.query('select 1 from signature_records where task_id = $1', [task.taskId])
    expect(signed.rows).toHaveLength(0)
  })
})
