import type { FastifyInstance } from 'fastify'
import type { FaceStartInput } from '../../server/capabilities/esign/face/face-provider'
import { SandboxFaceProvider } from '../../server/capabilities/esign/face/sandbox-face'
import { expectError, openTestDb, type TestDb } from './helpers'
import { STRANGER, ZHANG, buildSealApp, completeFace, sandboxUser } from './seal-test-app'

/** Identity once: a face-verified user verifies again without retyping the name and 身份证号. */

/** The sandbox, remembering whom each session was started for (what the real providers receive). */
class RecordingSandbox extends SandboxFaceProvider {
  readonly started: FaceStartInput['person'][] = []
  async start(input?: FaceStartInput) {
    if (input) this.started.push(input.person)
    return super.start()
  }
}

let testDb: TestDb
let app: FastifyInstance
const provider = new RecordingSandbox()

beforeAll(async () => {
  testDb = await openTestDb()
  app = await buildSealApp(testDb.db, { faceProviders: { sandbox: provider } })
})
afterAll(async () => {
  await app.close()
  await testDb.close()
})

let phoneSeq = 0
const freshPhone = () => `1391000${String(++phoneSeq).padStart(4, '0')}`
const freshUser = () => sandboxUser(app, freshPhone())

const start = (auth: { authorization: string }, body: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: '/api/v1/face/sessions', headers: auth, payload: { platform: 'h5', ...body } })
const identity = (auth: { authorization: string }) =>
  app.inject({ method: 'GET', url: '/api/v1/face/identity', headers: auth })

async function pass(auth: { authorization: string }, body: Record<string, unknown>) {
  const started = await start(auth, body)
  expect(started.statusCode).toBe(201)
  return completeFace(app, auth, started.json().sessionId, 'pass')
}

describe('the verified identity', () => {
  it('is on record, masked, after a pass, and only a pass', async () => {
    const auth = await freshUser()
    expect((await identity(auth)).json()).toEqual({ identity: null })
    expectError(await start(auth, { purpose: 'login', useVerifiedIdentity: true }), 409, 'VERIFIED_IDENTITY_NONE')

    const failed = await start(auth, { purpose: 'login', ...ZHANG })
    expect((await completeFace(app, auth, failed.json().sessionId, 'fail')).statusCode).toBe(403)
    expect((await identity(auth)).json()).toEqual({ identity: null })

    expect((await pass(auth, { purpose: 'login', ...ZHANG })).statusCode).toBe(200)
    const body = (await identity(auth)).json()
    expect(body).toEqual({
      identity: { nameMasked: '张*国', idNumberMasked: '4110**********0371', verifiedAt: expect.any(String) },
    })
    // Never the number in full, in the answer or at rest outside the vault.
    expect(JSON.stringify(body)).not.toContain(ZHANG.idNumber)
    const { rows } = await testDb.db.query('select * from verified_identities')
    expect(JSON.stringify(rows)).not.toContain(ZHANG.idNumber)
    const { rows: sessions } = await testDb.db.query<{ id_sealed: string | null }>(
      'select id_sealed from face_sessions where status <> $1',
      ['pending'],
    )
    expect(sessions.every((session) => session.id_sealed === null)).toBe(true)
  })

  it('is used for the next verification without the client sending it again', async () => {
    const auth = await freshUser()
    expect((await pass(auth, { purpose: 'login', ...ZHANG })).statusCode).toBe(200)
    provider.started.length = 0
    const again = await pass(auth, { purpose: 'claim-signature', useVerifiedIdentity: true })
    expect(again.statusCode).toBe(200)
    expect(again.json().person).toEqual({ nameMasked: '张*国', idNumberMasked: '4110**********0371' })
    // The provider got the person in full, from the server.
    expect(provider.started).toEqual([{ name: ZHANG.name, idNumber: ZHANG.idNumber }])
  })

  it('that cannot be opened (sealed under another key, or another user’s) is asked for again, not a 5xx', async () => {
    const zhangPhone = freshPhone()
    const zhang = await sandboxUser(app, zhangPhone)
    await pass(zhang, { purpose: 'login', ...ZHANG })
    const otherPhone = freshPhone()
    const other = await sandboxUser(app, otherPhone)
    await pass(other, { purpose: 'login', ...STRANGER })
    // Zhang's row now holds a sealed number bound to another owner: opening it fails. (These two
    // users' rows, by phone: other tests verify the same people.)
    await testDb.db.query(
      `update verified_identities set id_sealed = (
         select v.id_sealed from verified_identities v join users u on u.id = v.user_id where u.phone = $1)
       where user_id = (select id from users where phone = $2)`,
      [otherPhone, zhangPhone],
    )
    expectError(await start(zhang, { purpose: 'login', useVerifiedIdentity: true }), 409, 'VERIFIED_IDENTITY_NONE')
  })

  it('is forgotten when the user withdraws privacy consent', async () => {
    const auth = await freshUser()
    await pass(auth, { purpose: 'login', ...ZHANG })
    expect((await identity(auth)).json().identity).not.toBeNull()
    const count = async () =>
      (await testDb.db.query<{ n: number }>('select count(*)::int as n from verified_identities')).rows[0].n
    const before = await count()
    const withdrawn = await app.inject({
      method: 'PUT',
      url: '/api/v1/me/consent',
      headers: auth,
      payload: { accepted: false, version: '2025-01' },
    })
    expect(withdrawn.statusCode).toBe(200)
    expect(await count()).toBe(before - 1)
  })

  it('is replaced by the next person verified (不是本人？更换)', async () => {
    const auth = await freshUser()
    await pass(auth, { purpose: 'login', ...ZHANG })
    await pass(auth, { purpose: 'login', ...STRANGER })
    expect((await identity(auth)).json().identity).toMatchObject({
      nameMasked: '赵*',
      idNumberMasked: '1101**********002X',
    })
  })

  it('belongs to its user only, and is asked for whole or not at all', async () => {
    const zhang = await freshUser()
    await pass(zhang, { purpose: 'login', ...ZHANG })
    const other = await freshUser()
    expect((await identity(other)).json()).toEqual({ identity: null })
    expectError(await start(other, { purpose: 'login', useVerifiedIdentity: true }), 409, 'VERIFIED_IDENTITY_NONE')

    expectError(
      await start(zhang, { purpose: 'login', useVerifiedIdentity: true, name: '张建国' }),
      400,
      'VALIDATION_FAILED',
    )
    expectError(await start(zhang, { purpose: 'login', name: '张建国' }), 400, 'VALIDATION_FAILED')
    expectError(await start(zhang, { purpose: 'login', useVerifiedIdentity: false }), 400, 'VALIDATION_FAILED')
    expectError(await app.inject({ method: 'GET', url: '/api/v1/face/identity' }), 401, 'UNAUTHORIZED')
  })
})
