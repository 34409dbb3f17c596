import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { FACE_LOCK, addressKey } from '../../server/capabilities/esign/face/face-attempts'
import { idNumberCheckCharacter } from '../../src/domain/idcard'
import { expectError, openTestDb, type TestDb } from './helpers'
import { ZHANG, buildSealApp, sandboxUser } from './seal-test-app'

/**
 * Face verification lock (issue #10): failures count per account and per client address, never
 * per the person named, and the limit holds when completions race (run on PostgreSQL too).
 */

let testDb: TestDb
let app: FastifyInstance

beforeAll(async () => {
  testDb = await openTestDb()
  app = await buildSealApp(testDb.db)
})
afterAll(async () => {
  await app.close()
  await testDb.close()
})

type Auth = { authorization: string }
let phoneSeq = 0
const freshUser = () => sandboxUser(app, `1391000${String(++phoneSeq).padStart(4, '0')}`)
/** Each test its own client address, so the per-address count of one does not reach another. */
let addressSeq = 0
const freshAddress = () => `198.51.100.${++addressSeq}`
/** A person nobody else in this file names, so no test leans on how another's failures counted. */
let personSeq = 0
function freshPerson(): { name: string; idNumber: string } {
  const first17 = `11010519900101${String(++personSeq).padStart(3, '0')}`
  return { name: '李明', idNumber: first17 + idNumberCheckCharacter(first17) }
}

function start(auth: Auth, address: string, person: { name: string; idNumber: string }) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/face/sessions',
    headers: auth,
    remoteAddress: address,
    payload: { purpose: 'login', ...person, platform: 'h5' },
  })
}

async function startedId(auth: Auth, address: string, person: { name: string; idNumber: string }) {
  const started = await start(auth, address, person)
  expect(started.statusCode).toBe(201)
  return started.json().sessionId as string
}

function complete(auth: Auth, address: string, sessionId: string, sandboxOutcome: 'pass' | 'fail') {
  return app.inject({
    method: 'POST',
    url: `/api/v1/face/sessions/${sessionId}/complete`,
    headers: auth,
    remoteAddress: address,
    payload: { clientResult: { sandboxOutcome } },
  })
}

function codesOf(responses: LightMyRequestResponse[]): Record<string, number> {
  const codes: Record<string, number> = {}
  for (const response of responses) codes[response.json().code] = (codes[response.json().code] ?? 0) + 1
  return codes
}

async function mismatchesAmong(sessionIds: string[]): Promise<number> {
  const { rows } = await testDb.db.query<{ n: number }>(
    `select count(*)::int as n from face_sessions where id = any($1::uuid[]) and status = 'mismatch'`,
    [sessionIds],
  )
  return rows[0].n
}

describe('face verification lock', () => {
  it("does not lock a person out when a stranger's account fails 5 times in their name", async () => {
    const address = freshAddress()
    const stranger = await freshUser()
    for (let i = 0; i < FACE_LOCK.accountFailures; i++) {
      expectError(
        await complete(stranger, address, await startedId(stranger, address, ZHANG), 'fail'),
        403,
        'FACE_MISMATCH',
      )
    }
    expectError(await start(stranger, address, ZHANG), 429, 'FACE_LOCKED')
    // 张建国 himself, even behind the same address (a shared NAT), still verifies.
    const zhang = await freshUser()
    const passed = await complete(zhang, address, await startedId(zhang, address, ZHANG), 'pass')
    expect(passed.statusCode).toBe(200)
    expect(passed.json().ticket).toEqual(expect.any(String))
  })

  it('lets exactly 5 of 12 racing failed completions be verified, then locks the account', async () => {
    const address = freshAddress()
    const auth = await freshUser()
    const person = freshPerson()
    // Passed verifications give their slot back: three of them leave all five for failures.
    for (let i = 0; i < 3; i++) {
      expect((await complete(auth, address, await startedId(auth, address, person), 'pass')).statusCode).toBe(200)
    }
    const sessionIds: string[] = []
    for (let i = 0; i < 12; i++) sessionIds.push(await startedId(auth, address, person))
    const responses = await Promise.all(sessionIds.map((id) => complete(auth, address, id, 'fail')))
    expect(codesOf(responses)).toEqual({ FACE_MISMATCH: 5, FACE_LOCKED: 7 })
    expect(await mismatchesAmong(sessionIds)).toBe(5)
    expectError(await start(auth, address, person), 429, 'FACE_LOCKED')
  })

  it('locks a client address that fails through many accounts, and only that address', async () => {
    const address = freshAddress()
    const perAccount = FACE_LOCK.accountFailures - 1
    const accounts = Math.ceil(FACE_LOCK.addressFailures / perAccount)
    let failures = 0
    for (let a = 0; a < accounts; a++) {
      const auth = await freshUser()
      for (let i = 0; i < perAccount && failures < FACE_LOCK.addressFailures; i++, failures++) {
        expectError(
          await complete(auth, address, await startedId(auth, address, freshPerson()), 'fail'),
          403,
          'FACE_MISMATCH',
        )
      }
    }
    const newcomer = await freshUser()
    expectError(await start(newcomer, address, freshPerson()), 429, 'FACE_LOCKED')
    expect((await start(newcomer, freshAddress(), freshPerson())).statusCode).toBe(201)
  })

  it('counts an IPv6 client by its /64 and an IPv4-mapped one as IPv4', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64')
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9')
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9')
  })
})
