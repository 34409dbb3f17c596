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
 * The signing PIN lock under racing requests (issue #10): however many wrong PINs arrive at
 * once, at most five are checked per lock window, and the right one is refused while locked.
 * Run on PostgreSQL too (DATABASE_URL): there the requests really run side by side.
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

async function userIdOf(phone: string): Promise<string> {
  const { rows } = await testDb.db.query<{ id: string }>('select id from users where phone = $1', [phone])
  return rows[0].id
}

/** The lock's 15 minutes pass: the database decides with now(), so the lock is moved back instead. */
async function lockEnds(phone: string): Promise<void> {
  await testDb.db.query(
    `update signing_pins set locked_until = now() - interval '1 second' where user_id = $1 and locked_until is not null`,
    [await userIdOf(phone)],
  )
}

describe('signing PIN lock under racing requests', () => {
  it('checks at most 5 of 30 racing wrong PINs on a sign task, then refuses the right one until the lock ends', async () => {
    const created = await createTask(app, fx.system, {
      enterpriseUscc: fx.ruifengUscc,
      signers: [{ sealType: 'contract' }],
      documentName: '采购合同',
      documentSm3: DOC_SM3,
    })
    expect(created.statusCode).toBe(201)
    const taskId: string = created.json().taskId
    expect((await scan(app, fx.handler, created.json().ticket)).statusCode).toBe(200)
    const auditsBefore = await pinFailedAudits(fx.ruifeng)

    const burst = await thirtyWrongPins((pin) => confirm(app, fx.handler, taskId, { pin }))
    expect(burst.evaluated).toBe(5)
    expect(burst.codes).toEqual({ PIN_INVALID: 4, PIN_LOCKED: 26 })
    expect((await pinFailedAudits(fx.ruifeng)) - auditsBefore).toBe(5)

    const locked = await confirm(app, fx.handler, taskId, { pin: HANDLER_PIN })
    expectError(locked, 429, 'PIN_LOCKED')
    expect(locked.json().message).toContain('15 分钟')
    const { rows } = await testDb.db.query<{ status: string }>('select status from sign_tasks where id = $1', [taskId])
    expect(rows[0].status).toBe('scanned')

    // A new window after the lock: five more tries at most, then the right PIN signs once unlocked.
    await lockEnds('13800000003')
    const again = await thirtyWrongPins((pin) => confirm(app, fx.handler, taskId, { pin }))
    expect(again.evaluated).toBe(5)
    expectError(await confirm(app, fx.handler, taskId, { pin: HANDLER_PIN }), 429, 'PIN_LOCKED')
    await lockEnds('13800000003')
    const signed = await confirm(app, fx.handler, taskId, { pin: HANDLER_PIN })
    expect(signed.statusCode).toBe(200)
    expect(signed.json().status).toBe('signed')
  })

  it('applies the same lock to granting seals with the PIN', async () => {
    const body = {
      grantee: { invite: true },
      sealIds: [fx.seals.contract],
      validUntil: chinaDateOf(Date.now() + 2 * 86_400_000),
    }
    const grant = (pin: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/enterprises/${fx.ruifeng}/seal-grants`,
        headers: fx.rep,
        payload: { ...body, pin },
      })
    const { rows: before } = await testDb.db.query<{ n: number }>('select count(*)::int as n from seal_grants')

    const burst = await thirtyWrongPins(grant)
    expect(burst.evaluated).toBe(5)
    expect(burst.codes).toEqual({ PIN_INVALID: 4, PIN_LOCKED: 26 })
    expectError(await grant(REP_PIN), 429, 'PIN_LOCKED')
    const { rows: after } = await testDb.db.query<{ n: number }>('select count(*)::int as n from seal_grants')
    expect(after[0].n).toBe(before[0].n)

    await lockEnds('13800000001')
    expect((await grant(REP_PIN)).statusCode).toBe(201)
  })
})
