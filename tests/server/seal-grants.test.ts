import type { FastifyInstance } from 'fastify'
import { chinaDateOf } from '../../src/domain/calendar/dates'
import { DEMO, expectError, openTestDb, type TestDb } from './helpers'
import {
  JIANFENG,
  RUIFENG,
  STRANGER,
  acceptGrant,
  buildSealApp,
  enterpriseIdByName,
  faceTicket,
  sandboxUser,
} from './seal-test-app'

let testDb: TestDb
let app: FastifyInstance
let rep: { authorization: string }
let handler: { authorization: string }
let ruifeng: string
let seals: Record<string, string> // type → id
const PIN = '135790'
const inDays = (days: number) => chinaDateOf(app.clock() + days * 86_400_000)

beforeAll(async () => {
  testDb = await openTestDb()
  app = await buildSealApp(testDb.db)
  rep = await sandboxUser(app, DEMO.rep)
  handler = await sandboxUser(app, DEMO.handler)
  ruifeng = await enterpriseIdByName(testDb.db, RUIFENG)
  const ticket = await faceTicket(app, rep, 'claim-seal')
  const claimed = await app.inject({
    method: 'POST',
    url: `/api/v1/enterprises/${ruifeng}/seals/claim`,
    headers: rep,
    payload: { ticket, pin: PIN },
  })
  seals = Object.fromEntries(claimed.json().seals.map((s: { type: string; id: string }) => [s.type, s.id]))
})
afterAll(async () => {
  await app.close()
  await testDb.close()
})

const grant = (body: Record<string, unknown>, auth = rep, enterpriseId = ruifeng) =>
  app.inject({ method: 'POST', url: `/api/v1/enterprises/${enterpriseId}/seal-grants`, headers: auth, payload: body })
const sealsOf = (auth: { authorization: string }) =>
  app.inject({ method: 'GET', url: `/api/v1/enterprises/${ruifeng}/seals`, headers: auth })
const revoke = (grantId: string) =>
  app.inject({ method: 'DELETE', url: `/api/v1/enterprises/${ruifeng}/seal-grants/${grantId}`, headers: rep })

/**
 * A person of their own (a fresh phone) holding a live, accepted grant of `sealIds`: a test that
 * needs a linked handler makes one, so no test counts on another's grant (or on its revocation).
 */
async function liveHandler(phone: string, sealIds = [seals.contract]) {
  const auth = await sandboxUser(app, phone)
  const response = await grant({ grantee: { phone }, sealIds, validUntil: inDays(30), pin: PIN })
  expect(response.statusCode).toBe(201)
  expect((await acceptGrant(app, auth, response.json().id)).statusCode).toBe(200)
  return { auth, grantId: response.json().id as string }
}

describe('granting seals to a handler', () => {
  it('grants chosen seals by phone; the handler is linked only after accepting, then sees only those seals', async () => {
    expectError(await sealsOf(handler), 403, 'ENTERPRISE_FORBIDDEN')
    const response = await grant({
      grantee: { phone: DEMO.handler },
      sealIds: [seals.contract],
      validUntil: inDays(30),
      pin: PIN,
    })
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({
      status: 'invited',
      grantee: { nameMasked: '王*', phoneMasked: '138****0003' },
      seals: [{ id: seals.contract, type: 'contract' }],
      acceptedAt: null,
      revokedAt: null,
    })
    expect(response.json().inviteCode).toBeUndefined()
    const grantId = response.json().id

    // Not accepted yet: no link, no seals, nothing to sign with — only a request waiting in the app.
    expectError(await sealsOf(handler), 403, 'ENTERPRISE_FORBIDDEN')
    expect((await app.inject({ method: 'GET', url: '/api/v1/enterprises', headers: handler })).json()).toEqual([])
    const waiting = await app.inject({ method: 'GET', url: '/api/v1/me/seal-grants', headers: handler })
    expect(waiting.json()).toEqual([
      expect.objectContaining({ id: grantId, status: 'invited', enterpriseName: RUIFENG }),
    ])
    const inbox = await app.inject({ method: 'GET', url: '/api/v1/inbox', headers: handler })
    expect(JSON.stringify(inbox.json())).toContain('印章使用授权待您确认')
    // Only the person named may accept it.
    expectError(await acceptGrant(app, rep, grantId), 404, 'GRANT_NOT_FOUND')
    const accepted = await acceptGrant(app, handler, grantId)
    expect(accepted.json()).toMatchObject({ status: 'active', acceptedAt: expect.any(String) })
    expect((await acceptGrant(app, handler, grantId)).json().acceptedAt).toBe(accepted.json().acceptedAt)

    const visible = await sealsOf(handler)
    expect(visible.json()).toMatchObject({ claimed: true, canManage: false })
    expect(visible.json().seals.map((s: { id: string }) => s.id)).toEqual([seals.contract])
    const enterprises = await app.inject({ method: 'GET', url: '/api/v1/enterprises', headers: handler })
    expect(enterprises.json()).toEqual([expect.objectContaining({ id: ruifeng, role: 'handler' })])
  })

  it('lets only the legal representative grant, list, revoke and read the audit', async () => {
    const { auth: handler, grantId } = await liveHandler('13900004441')
    expectError(
      await grant(
        { grantee: { invite: true }, sealIds: [seals.contract], validUntil: inDays(3), pin: '246801' },
        handler,
      ),
      403,
      'ENTERPRISE_FORBIDDEN',
    )
    const listed = await app.inject({
      method: 'GET',
      url: `/api/v1/enterprises/${ruifeng}/seal-grants`,
      headers: handler,
    })
    expectError(listed, 403, 'ENTERPRISE_FORBIDDEN')
    expect(listed.json().message).toBe('仅企业法定代表人可以管理印章授权')
    const list = await app.inject({ method: 'GET', url: `/api/v1/enterprises/${ruifeng}/seal-grants`, headers: rep })
    expect(list.json().map((g: { id: string }) => g.id)).toContain(grantId)
  })

  it('checks what is granted, to whom and until when', async () => {
    const base = { grantee: { phone: DEMO.handler }, sealIds: [seals.finance], validUntil: inDays(10), pin: PIN }
    expectError(await grant({ ...base, pin: undefined }), 400, 'VALIDATION_FAILED')
    expectError(await grant({ ...base, validUntil: inDays(-1) }), 400, 'VALIDATION_FAILED')
    expectError(await grant({ ...base, validUntil: '2025-02-30' }), 400, 'VALIDATION_FAILED')
    expectError(await grant({ ...base, validUntil: inDays(400) }), 400, 'VALIDATION_FAILED')
    expectError(await grant({ ...base, grantee: { phone: '13912345678' } }), 404, 'GRANTEE_NOT_FOUND')
    expectError(await grant({ ...base, grantee: { phone: DEMO.rep } }), 400, 'VALIDATION_FAILED')
    const jianfeng = await enterpriseIdByName(testDb.db, JIANFENG)
    expectError(await grant({ ...base, sealIds: [seals.finance] }, rep, jianfeng), 404, 'SEAL_NOT_FOUND')
  })

  it('accepts a face ticket of the legal representative instead of the PIN, but not of anyone else', async () => {
    const someoneElse = await faceTicket(app, rep, 'grant', STRANGER)
    expectError(
      await grant({ grantee: { invite: true }, sealIds: [seals.official], validUntil: inDays(5), ticket: someoneElse }),
      403,
      'NOT_LEGAL_REPRESENTATIVE',
    )
    const ticket = await faceTicket(app, rep, 'grant')
    const response = await grant({
      grantee: { invite: true },
      sealIds: [seals.official],
      validUntil: inDays(5),
      ticket,
    })
    expect(response.statusCode).toBe(201)
  })

  it('grants by one-time invite code, which a handler redeems once', async () => {
    const response = await grant({
      grantee: { invite: true },
      sealIds: [seals.finance, seals.official],
      validUntil: inDays(7),
      pin: PIN,
    })
    expect(response.json()).toMatchObject({ status: 'invited', grantee: { userId: null } })
    const code: string = response.json().inviteCode
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/)
    const { rows } = await testDb.db.query('select * from seal_grants where id = $1', [response.json().id])
    expect(JSON.stringify(rows)).not.toContain(code)

    const newcomer = await sandboxUser(app, '13900003333')
    const accept = (auth: { authorization: string }, inviteCode: string) =>
      app.inject({ method: 'POST', url: '/api/v1/seal-grants/accept', headers: auth, payload: { inviteCode } })
    expectError(await accept(rep, code), 400, 'VALIDATION_FAILED') // not one's own invite
    // Typed as a person might: lower case, no dashes, o for 0 and l for 1 — read as the app reads it.
    const accepted = await accept(newcomer, code.toLowerCase().replace(/-/g, '').replace(/0/g, 'o').replace(/1/g, 'l'))
    expect(accepted.statusCode).toBe(200)
    expect(accepted.json()).toMatchObject({ status: 'active', grantee: { phoneMasked: '139****3333' } })
    expectError(await accept(handler, code), 404, 'INVITE_CODE_INVALID')
    const visible = await app.inject({ method: 'GET', url: `/api/v1/enterprises/${ruifeng}/seals`, headers: newcomer })
    expect(visible.json().seals.map((s: { type: string }) => s.type)).toEqual(['official', 'finance'])
  })

  it('stops a revoked grant at once, unlinking a handler it was the last grant of; revoking twice keeps the first time', async () => {
    const { auth: handler, grantId } = await liveHandler('13900004442')
    expect((await sealsOf(handler)).statusCode).toBe(200)
    const first = await revoke(grantId)
    expect(first.json()).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) })
    expectError(await sealsOf(handler), 403, 'ENTERPRISE_FORBIDDEN')
    expect((await app.inject({ method: 'GET', url: '/api/v1/enterprises', headers: handler })).json()).toEqual([])
    expectError(await acceptGrant(app, handler, grantId), 404, 'GRANT_NOT_FOUND')
    expect((await revoke(grantId)).json().revokedAt).toBe(first.json().revokedAt)
    expectError(await revoke('00000000-0000-4000-8000-000000000000'), 404, 'GRANT_NOT_FOUND')
  })

  it('stops an expired grant: the handler it was the last grant of can no longer act for the enterprise', async () => {
    const { auth: handler, grantId } = await liveHandler('13900004443', [seals.legal_representative])
    expect((await sealsOf(handler)).json().seals).toHaveLength(1)
    await testDb.db.query(`update seal_grants set valid_until = now() - interval '1 second' where id = $1`, [grantId])
    expectError(await sealsOf(handler), 403, 'ENTERPRISE_FORBIDDEN')
    expect((await app.inject({ method: 'GET', url: '/api/v1/enterprises', headers: handler })).json()).toEqual([])
    const list = await app.inject({ method: 'GET', url: `/api/v1/enterprises/${ruifeng}/seal-grants`, headers: rep })
    expect(list.json().find((g: { id: string }) => g.id === grantId).status).toBe('expired')
  })
})

describe('signing PIN', () => {
  it('locks after 5 wrong tries for 15 minutes, counting each in the audit', async () => {
    await testDb.db.query('update signing_pins set failed_attempts = 0, locked_until = null')
    const body = { grantee: { invite: true }, sealIds: [seals.contract], validUntil: inDays(2) }
    const first = await grant({ ...body, pin: '000001' })
    expectError(first, 403, 'PIN_INVALID')
    expect(first.json().message).toBe('签署密码错误，还可尝试 4 次')
    for (let i = 0; i < 3; i++) expectError(await grant({ ...body, pin: '000001' }), 403, 'PIN_INVALID')
    const fifth = await grant({ ...body, pin: '000001' })
    expectError(fifth, 429, 'PIN_LOCKED')
    expect(fifth.json().message).toContain('15 分钟')
    // Locked: even the right PIN is refused.
    expectError(await grant({ ...body, pin: PIN }), 429, 'PIN_LOCKED')

    const audit = await app.inject({
      method: 'GET',
      url: `/api/v1/enterprises/${ruifeng}/seal-audit?limit=6`,
      headers: rep,
    })
    expect(audit.json().items.filter((e: { action: string }) => e.action === 'pin-failed')).toHaveLength(5)

    // After the lock, the count starts afresh and the right PIN works.
    await testDb.db.query(`update signing_pins set locked_until = now() - interval '1 second'`)
    expect((await grant({ ...body, pin: PIN })).statusCode).toBe(201)
    const { rows } = await testDb.db.query<{ failed_attempts: number; locked_until: Date | null }>(
      'select failed_attempts, locked_until from signing_pins',
    )
    expect(rows.every((r) => r.failed_attempts === 0 && r.locked_until === null)).toBe(true)
  })

  it('never stores the PIN in the clear', async () => {
    const { rows } = await testDb.db.query<{ pin_hash: string }>('select pin_hash from signing_pins')
    expect(rows[0].pin_hash).toMatch(/^scrypt\$32768\$8\$1\$/)
    expect(rows[0].pin_hash).not.toContain(PIN)
  })
})

describe('seal audit', () => {
  it('lists claim, grants, revocations and failures newest first, in pages', async () => {
    // Its own entries of each kind: a grant accepted and revoked, and a wrong PIN (the right one
    // next, so the count of tries starts afresh for any test after).
    const { grantId } = await liveHandler('13900004444')
    expect((await revoke(grantId)).statusCode).toBe(200)
    const body = { grantee: { invite: true }, sealIds: [seals.contract], validUntil: inDays(2) }
    expectError(await grant({ ...body, pin: '000001' }), 403, 'PIN_INVALID')
    expect((await grant({ ...body, pin: PIN })).statusCode).toBe(201)
    const page1 = await app.inject({
      method: 'GET',
      url: `/api/v1/enterprises/${ruifeng}/seal-audit?limit=3`,
      headers: rep,
    })
    expect(page1.json().items).toHaveLength(3)
    expect(page1.json().nextCursor).toEqual(expect.any(String))
    const all = await app.inject({
      method: 'GET',
      url: `/api/v1/enterprises/${ruifeng}/seal-audit?limit=100`,
      headers: rep,
    })
    const actions = all.json().items.map((e: { action: string }) => e.action)
    expect(new Set(actions)).toEqual(new Set(['claim', 'grant', 'grant-accepted', 'revoke', 'pin-failed']))
    expect(actions[actions.length - 1]).toBe('claim')
    const page2 = await app.inject({
      method: 'GET',
      url: `/api/v1/enterprises/${ruifeng}/seal-audit?limit=3&before=${page1.json().nextCursor}`,
      headers: rep,
    })
    expect(page2.json().items[0].id).toBe(all.json().items[3].id)
    // Details carry masked data only.
    expect(JSON.stringify(all.json())).not.toMatch(/1380000000[0-9]/)
  })
})
