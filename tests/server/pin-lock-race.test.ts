import crypto from 'node:crypto'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { chinaDateOf } from '../../src/domain/calendar/dates'
import { expectError, type TestDb } from './helpers'
import {
  DOC_SM3,
  HANDLER_PIN,
  confirm,
  createTask,
  scan,
  type SigningFixture,
  closeSigningApp,
  openSigningApp,
} from './seal-test-app'

/**
 * The signing PIN lock under racing requests (issue #10, issue #15): however many wrong PINs
 * arrive at once, at most five are checked per lock window, and the right one is refused while
 * locked; right PINs arriving at once are never told the PIN is wrong or locked (those without a
 * free slot hear PIN_BUSY, nothing counted). Run on PostgreSQL too (DATABASE_URL): there the
 * requests really run side by side.
 */

let testDb: TestDb
let app: FastifyInstance
let fx: SigningFixture
const REP_PIN = '135790' // set by signingFixture

beforeAll(async () => {
  ;({ testDb, app, fx } = await openSigningApp())
})
afterAll(() => closeSigningApp(app, testDb))

/** Each scrypt run is one PIN checked (hashPin also uses it, but nothing sets a PIN here). */
const scrypt = jest.spyOn(crypto, 'scrypt')
afterAll(() => scrypt.mockRestore())

/** 30 wrong PINs, as three waves of ten that each arrive at once. */
async function thirtyWrongPins(send: (pin: string) => Promise<LightMyRequestResponse>) {
  scrypt.mockClear()
  const responses: LightMyRequestResponse[] = []
  for (let wave = 0; wave < 3; wave++) {
    responses.push(
      ...(await Promise.all(Array.from({ length: 10 }, (_, i) => send(`90${wave}${String(i).padStart(3, '0')}`)))),
    )
  }
  const codes: Record<string, number> = {}
  for (const response of responses) codes[response.json().code] = (codes[response.json().code] ?? 0) + 1
  return { evaluated: scrypt.mock.calls.length, codes }
}

async function pinFailedAudits(enterpriseId: string): Promise<number> {
  const { rows } = await testDb.db.query<{ n: number }>(
    `select count(*)::int as n from seal_audit where enterprise_id = $1 and action = 'pin-failed'`,
    [enterpriseId],
  )
  return rows[0].n
}

/**
 * A burst of wrong PINs: every one got a PIN answer, and those without a slot (PIN_BUSY) or
 * arriving after the lock were not checked. Which of the two a refused one hears depends on
 * whether the lock was already set, so only the sums are fixed.
 */
function expectBoundedBurst(codes: Record<string, number>, total: number): void {
  expect(Object.keys(codes).every((code) => ['PIN_INVALID', 'PIN_LOCKED', 'PIN_BUSY'].includes(code))).toBe(true)
  expect((codes.PIN_INVALID ?? 0) + (codes.PIN_LOCKED ?? 0) + (codes.PIN_BUSY ?? 0)).toBe(total)
  expect(codes.PIN_INVALID ?? 0).toBeLessThanOrEqual(4)
  expect(codes.PIN_LOCKED ?? 0).toBeGreaterThanOrEqual(1) // the checked wrong try that locked it
}

/** The person's PIN as if no try had been made (each test starts from there). */
async function freshPin(phone: string): Promise<void> {
  await testDb.db.query('update signing_pins set failed_attempts = 0, locked_until = null where user_id = $1', [
    await userIdOf(phone),
  ])
}

async function pinRow(phone: string): Promise<{ failed_attempts: number; locked: boolean }> {
  const { rows } = await testDb.db.query<{ failed_attempts: number; locked: boolean }>(
    'select failed_attempts, locked_until > now() as locked from signing_pins where user_id = $1',
    [await userIdOf(phone)],
  )
  return { failed_attempts: rows[0].failed_attempts, locked: rows[0].locked === true }
}

async function scannedTask(): Promise<string> {
  const created = await createTask(app, fx.system, {
    enterpriseUscc: fx.ruifengUscc,
    signers: [{ sealType: 'contract' }],
    documentName: '采购合同',
    documentSm3: DOC_SM3,
  })
  expect(created.statusCode).toBe(201)
  expect((await scan(app, fx.handler, created.json().ticket)).statusCode).toBe(200)
  return created.json().taskId
}

const HANDLER_PHONE = '13800000003'
const REP_PHONE = '13800000001'

async function userIdOf(phone: string): Promise<string> {
  const { rows } = await testDb.db.query<{ id: string }>('select id from users where phone = $1', [phone])
  return rows[0].id
}

/** The lock's 15 minutes pass: this app is unpinned (the wall clock, as the database's), so the lock is moved back instead. */
async function lockEnds(phone: string): Promise<void> {
  await testDb.db.query(
    `update signing_pins set locked_until = now() - interval '1 second' where user_id = $1 and locked_until is not null`,
    [await userIdOf(phone)],
  )
}

describe('signing PIN lock under racing requests', () => {
  it('checks at most 5 of 30 racing wrong PINs on a sign task, then refuses the right one until the lock ends', async () => {
    await freshPin(HANDLER_PHONE)
    const taskId = await scannedTask()
    const auditsBefore = await pinFailedAudits(fx.ruifeng)

    const burst = await thirtyWrongPins((pin) => confirm(app, fx.handler, taskId, { pin }))
    expect(burst.evaluated).toBe(5)
    expectBoundedBurst(burst.codes, 30)
    expect((await pinFailedAudits(fx.ruifeng)) - auditsBefore).toBe(5)

    const locked = await confirm(app, fx.handler, taskId, { pin: HANDLER_PIN })
    expectError(locked, 429, 'PIN_LOCKED')
    expect(locked.json().message).toContain('15 分钟')
    const { rows } = await testDb.db.query<{ status: string }>('select status from sign_tasks where id = $1', [taskId])
    expect(rows[0].status).toBe('scanned')

    // A new window after the lock: five more tries at most, then the right PIN signs once unlocked.
    await lockEnds(HANDLER_PHONE)
    const again = await thirtyWrongPins((pin) => confirm(app, fx.handler, taskId, { pin }))
    expect(again.evaluated).toBe(5)
    expectBoundedBurst(again.codes, 30)
    expectError(await confirm(app, fx.handler, taskId, { pin: HANDLER_PIN }), 429, 'PIN_LOCKED')
    await lockEnds(HANDLER_PHONE)
    const signed = await confirm(app, fx.handler, taskId, { pin: HANDLER_PIN })
    expect(signed.statusCode).toBe(200)
    expect(signed.json().status).toBe('signed')
  })

  it('applies the same lock to granting seals with the PIN', async () => {
    const body = {
      grantee: { invite: true },
      sealIds: [fx.seals.contract],
      validUntil: chinaDateOf(app.clock() + 2 * 86_400_000),
    }
    const grant = (pin: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/enterprises/${fx.ruifeng}/seal-grants`,
        headers: fx.rep,
        payload: { ...body, pin },
      })
    await freshPin(REP_PHONE)
    const { rows: before } = await testDb.db.query<{ n: number }>('select count(*)::int as n from seal_grants')

    const burst = await thirtyWrongPins(grant)
    expect(burst.evaluated).toBe(5)
    expectBoundedBurst(burst.codes, 30)
    expectError(await grant(REP_PIN), 429, 'PIN_LOCKED')
    const { rows: after } = await testDb.db.query<{ n: number }>('select count(*)::int as n from seal_grants')
    expect(after[0].n).toBe(before[0].n)

    await lockEnds(REP_PHONE)
    expect((await grant(REP_PIN)).statusCode).toBe(201)
  })

  it('never tells 12 racing confirmations with the right PIN that it is wrong or locked', async () => {
    await freshPin(HANDLER_PHONE)
    const taskId = await scannedTask()
    const auditsBefore = await pinFailedAudits(fx.ruifeng)
    scrypt.mockClear()

    const responses = await Promise.all(
      Array.from({ length: 12 }, () => confirm(app, fx.handler, taskId, { pin: HANDLER_PIN })),
    )
    const codes = responses.map((r) => (r.statusCode === 200 ? r.json().status : r.json().code))
    // One signs; the others see the task signed, or PIN_BUSY if five PINs were being checked.
    expect(codes.filter((c) => c === 'signed')).toHaveLength(1)
    expect(codes.every((c) => ['signed', 'SIGN_TASK_ALREADY_SIGNED', 'PIN_BUSY'].includes(c))).toBe(true)
    for (const busy of responses.filter((r) => r.json().code === 'PIN_BUSY')) {
      expectError(busy, 409, 'PIN_BUSY')
      expect(busy.json().message).toBe('正在校验，请稍候重试')
    }
    expect(scrypt.mock.calls.length).toBeLessThanOrEqual(5)
    expect(await pinRow(HANDLER_PHONE)).toEqual({ failed_attempts: 0, locked: false })
    expect((await pinFailedAudits(fx.ruifeng)) - auditsBefore).toBe(0)
  })

  it('never tells 12 racing seal grants with the right PIN that it is wrong or locked', async () => {
    await freshPin(REP_PHONE)
    const body = {
      grantee: { invite: true },
      sealIds: [fx.seals.contract],
      validUntil: chinaDateOf(app.clock() + 2 * 86_400_000),
      pin: REP_PIN,
    }
    const responses = await Promise.all(
      Array.from({ length: 12 }, () =>
        app.inject({
          method: 'POST',
          url: `/api/v1/enterprises/${fx.ruifeng}/seal-grants`,
          headers: fx.rep,
          payload: body,
        }),
      ),
    )
    const codes = responses.map((r) => (r.statusCode === 201 ? 'granted' : r.json().code))
    expect(codes.every((c) => c === 'granted' || c === 'PIN_BUSY')).toBe(true)
    expect(codes.filter((c) => c === 'granted').length).toBeGreaterThanOrEqual(1)
    expect(await pinRow(REP_PHONE)).toEqual({ failed_attempts: 0, locked: false })
  })

  it('checks 5 of 12 racing wrong PINs, locks, and refuses the right one afterwards', async () => {
    await freshPin(HANDLER_PHONE)
    const taskId = await scannedTask()
    const auditsBefore = await pinFailedAudits(fx.ruifeng)
    scrypt.mockClear()

    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        confirm(app, fx.handler, taskId, { pin: `9100${String(i).padStart(2, '0')}` }),
      ),
    )
    const codes: Record<string, number> = {}
    for (const response of responses) codes[response.json().code] = (codes[response.json().code] ?? 0) + 1
    expect(scrypt.mock.calls.length).toBe(5)
    expectBoundedBurst(codes, 12)
    expect((await pinFailedAudits(fx.ruifeng)) - auditsBefore).toBe(5)
    expect((await pinRow(HANDLER_PHONE)).locked).toBe(true)
    expectError(await confirm(app, fx.handler, taskId, { pin: HANDLER_PIN }), 429, 'PIN_LOCKED')
  })

  it('answers PIN_BUSY while five tries are in flight, and counts slots lost for a minute as wrong (fail closed)', async () => {
    await freshPin(HANDLER_PHONE)
    const taskId = await scannedTask()
    const userId = await userIdOf(HANDLER_PHONE)
    const fullWindow = (ago: string) =>
      testDb.db.query(
        `update signing_pins set failed_attempts = 5, locked_until = null, updated_at = now() - $2::interval
         where user_id = $1`,
        [userId, ago],
      )
    scrypt.mockClear()

    // Five slots taken a moment ago, no answer yet: busy, nothing checked or counted.
    await fullWindow('1 second')
    expectError(await confirm(app, fx.handler, taskId, { pin: HANDLER_PIN }), 409, 'PIN_BUSY')
    expect(await pinRow(HANDLER_PHONE)).toEqual({ failed_attempts: 5, locked: false })
    // No answer for two minutes: the tries were lost, counted as wrong; locked 15 minutes from the last.
    await fullWindow('2 minutes')
    const lost = await confirm(app, fx.handler, taskId, { pin: HANDLER_PIN })
    expectError(lost, 429, 'PIN_LOCKED')
    expect(lost.json().message).toContain('13 分钟')
    expect(scrypt.mock.calls.length).toBe(0)
    // That lock over: a new window, and the right PIN signs.
    await fullWindow('16 minutes')
    const signed = await confirm(app, fx.handler, taskId, { pin: HANDLER_PIN })
    expect(signed.statusCode).toBe(200)
    expect(await pinRow(HANDLER_PHONE)).toEqual({ failed_attempts: 0, locked: false })
  })
})
