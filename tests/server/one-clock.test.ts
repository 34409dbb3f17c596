import type { FastifyInstance } from 'fastify'
import { DEMO, expectError, loginSandbox, type TestDb } from './helpers'
import {
  closeSigningApp,
  completeFace,
  confirm,
  createTask,
  DOC_SM3,
  faceTicket,
  HANDLER_PIN,
  openSigningApp,
  sandboxUser,
  scan,
  ZHANG,
  type SigningFixture,
} from './seal-test-app'

/**
 * One clock (issue #13 items 3–4): a pinned app clock decides sessions, the age check of 刷脸,
 * 刷脸 sessions, tickets and attempt locks, seals' and grants' validity, invite codes, PIN lock-outs
 * and sign-task deadlines — not the wall clock, not SQL now(). The app is pinned years away from any
 * real day, so a decision taken on the wall clock shows.
 */

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 3_600_000
const DAY = 24 * HOUR
/** Tuesday 2031-03-04, 10:00 in China. */
const T0 = Date.parse('2031-03-04T02:00:00Z')
/** Sessions outlast every jump of the clock below (a seal's three years) but the sessions test's. */
const SESSION_TTL_HOURS = 4 * 366 * 24

let testDb: TestDb
let app: FastifyInstance
let fx: SigningFixture
let clock = T0

beforeAll(async () => {
  ;({ testDb, app, fx } = await openSigningApp({ now: () => clock, config: { sessionTtlHours: SESSION_TTL_HOURS } }))
})
beforeEach(() => {
  clock = T0
})
afterAll(() => closeSigningApp(app, testDb))

describe('sessions', () => {
  it('last their TTL on the app clock, set and checked by it', async () => {
    const { token, expiresAt } = await loginSandbox(app, DEMO.agent)
    expect(expiresAt).toBe(new Date(T0 + SESSION_TTL_HOURS * HOUR).toISOString())
    const me = () => app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })
    clock = T0 + (SESSION_TTL_HOURS - 1) * HOUR
    expect((await me()).statusCode).toBe(200)
    clock = T0 + (SESSION_TTL_HOURS + 1) * HOUR
    expectError(await me(), 401, 'SESSION_EXPIRED')
  })
})

describe('刷脸', () => {
  it('checks the ID number’s birth date against the app clock’s today', async () => {
    // 张建国 is born 1978-03-15: on the app's 1978-03-01 his number cannot be valid yet.
    clock = Date.parse('1978-03-01T04:00:00Z')
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/face/sessions',
      headers: fx.rep,
      payload: { purpose: 'claim-signature', ...ZHANG, platform: 'h5' },
    })
    expectError(response, 400, 'VALIDATION_FAILED')
    expect(response.json().details).toEqual([{ field: 'idNumber', message: '身份证号中的出生日期无效' }])
  })
})

describe('seals', () => {
  const list = () => app.inject({ method: 'GET', url: `/api/v1/enterprises/${fx.ruifeng}/seals`, headers: fx.rep })

  it('are valid from the app clock’s moment of claiming, and expire by it', async () => {
    const seals = (await list()).json().seals as { validFrom: string; validTo: string; status: string }[]
    expect(seals.length).toBeGreaterThan(0)
    for (const seal of seals) {
      expect(seal.validFrom).toBe(new Date(T0).toISOString())
      expect(seal.status).toBe('valid')
    }
    clock = Date.parse(seals[0].validTo) + DAY
    expect(((await list()).json().seals as { status: string }[]).map((seal) => seal.status)).toContain('expired')
  })
})

describe('grants', () => {
  const grants = () =>
    app.inject({ method: 'GET', url: `/api/v1/enterprises/${fx.ruifeng}/seal-grants`, headers: fx.rep })
  const handlerEnterprises = async () =>
    ((await app.inject({ method: 'GET', url: '/api/v1/enterprises', headers: fx.handler })).json() as { id: string }[])
      .map((enterprise) => enterprise.id)
      .filter((id) => id === fx.ruifeng)

  it('are dated, live and end by the app clock (the fixture’s grant runs 30 days from T0)', async () => {
    const [grant] = (await grants()).json() as { status: string; validUntil: string }[]
    expect(grant.status).toBe('active')
    expect(await handlerEnterprises()).toEqual([fx.ruifeng])
    clock = Date.parse(grant.validUntil) + HOUR
    expect(((await grants()).json() as { status: string }[])[0].status).toBe('expired')
    // The handler's link counts only with a live grant: by the app clock, there is none now.
    expect(await handlerEnterprises()).toEqual([])
  })

  it('may not end before the app clock’s today', async () => {
    const yesterday = new Date(T0 - DAY + 8 * HOUR).toISOString().slice(0, 10)
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/enterprises/${fx.ruifeng}/seal-grants`,
      headers: fx.rep,
      payload: { grantee: { invite: true }, sealIds: [fx.seals.finance], validUntil: yesterday, pin: '135790' },
    })
    expectError(response, 400, 'VALIDATION_FAILED')
  })
})

describe('sign tasks', () => {
  const task = (expiresInSeconds: number) =>
    createTask(app, fx.system, {
      enterpriseUscc: fx.ruifengUscc,
      signers: [{ sealType: 'contract' }],
      documentName: '时钟测试合同',
      documentSm3: DOC_SM3,
      expiresInSeconds,
    })

  it('expire on the app clock: the deadline is set, read and swept by it', async () => {
    const created = await task(600)
    expect(created.statusCode).toBe(201)
    expect(created.json().expiresAt).toBe(new Date(T0 + 600_000).toISOString())
    const view = () =>
      app.inject({ method: 'GET', url: `/api/v1/sign-tasks/${created.json().taskId}`, headers: fx.system })
    clock = T0 + 599_000
    expect((await view()).json().status).toBe('pending')
    clock = T0 + 601_000
    expect((await view()).json().status).toBe('expired')
    expectError(await scan(app, fx.handler, created.json().ticket), 410, 'SIGN_TASK_EXPIRED')
    expect((await app.signing.sweep()).expired).toBe(1)
  })

  it('are signed at the app clock’s moment', async () => {
    const created = await task(600)
    clock = T0 + 60_000
    expect((await scan(app, fx.handler, created.json().ticket)).statusCode).toBe(200)
    const signed = await confirm(app, fx.handler, created.json().taskId, { pin: HANDLER_PIN })
    expect(signed.statusCode).toBe(200)
    expect(signed.json().signatures[0].signedAt).toBe(new Date(T0 + 60_000).toISOString())
  })
})

describe('刷脸 on the app clock', () => {
  const start = (auth: { authorization: string }, purpose = 'login') =>
    app.inject({
      method: 'POST',
      url: '/api/v1/face/sessions',
      headers: auth,
      payload: { purpose, ...ZHANG, platform: 'h5' },
    })
  const link = (ticket: string) =>
    app.inject({ method: 'POST', url: '/api/v1/face/link-enterprises', headers: fx.rep, payload: { ticket } })

  it('a session lasts its ten minutes by the app clock, set and checked by it', async () => {
    const started = await start(fx.rep)
    expect(started.statusCode).toBe(201)
    expect(started.json().expiresAt).toBe(new Date(T0 + 10 * MINUTE).toISOString())
    clock = T0 + 10 * MINUTE + SECOND
    const late = await completeFace(app, fx.rep, started.json().sessionId, 'pass')
    expectError(late, 404, 'FACE_SESSION_NOT_FOUND')
    expect(late.json().message).toBe('刷脸会话已过期，请重新发起')
  })

  it('a ticket issued at the app clock’s moment is refused at its five minutes and a second by it', async () => {
    const kept = await faceTicket(app, fx.rep, 'login')
    const identity = await app.inject({ method: 'GET', url: '/api/v1/face/identity', headers: fx.rep })
    expect(identity.json().identity.verifiedAt).toBe(new Date(T0).toISOString())
    clock = T0 + 5 * MINUTE - SECOND
    expect((await link(kept)).statusCode).toBe(200)

    clock = T0
    const late = await faceTicket(app, fx.rep, 'login')
    clock = T0 + 5 * MINUTE + SECOND
    const refused = await link(late)
    expectError(refused, 403, 'FACE_TICKET_INVALID')
    expect(refused.json().message).toBe('刷脸认证已超过 5 分钟有效期，请重新刷脸')
  })

  it('five mismatches lock the account for ten minutes of the app clock, and the lock lifts by it', async () => {
    const person = await sandboxUser(app, '13900007001')
    for (let i = 0; i < 5; i++) {
      const started = await start(person)
      expect(started.statusCode).toBe(201)
      expectError(await completeFace(app, person, started.json().sessionId, 'fail'), 403, 'FACE_MISMATCH')
    }
    expectError(await start(person), 429, 'FACE_LOCKED')
    clock = T0 + 10 * MINUTE - SECOND
    expectError(await start(person), 429, 'FACE_LOCKED')
    clock = T0 + 10 * MINUTE + SECOND
    expect((await start(person)).statusCode).toBe(201)
  })
})

describe('invite codes', () => {
  it('last seven days of the app clock, set and checked by it', async () => {
    const until = new Date(T0 + 20 * DAY + 8 * HOUR).toISOString().slice(0, 10)
    const created = await app.inject({
      method: 'POST',
      url: `/api/v1/enterprises/${fx.ruifeng}/seal-grants`,
      headers: fx.rep,
      payload: { grantee: { invite: true }, sealIds: [fx.seals.finance], validUntil: until, pin: '135790' },
    })
    expect(created.statusCode).toBe(201)
    expect(created.json().inviteExpiresAt).toBe(new Date(T0 + 7 * DAY).toISOString())
    const newcomer = await sandboxUser(app, '13900007002')
    clock = T0 + 7 * DAY + SECOND
    const accepted = await app.inject({
      method: 'POST',
      url: '/api/v1/seal-grants/accept',
      headers: newcomer,
      payload: { inviteCode: created.json().inviteCode },
    })
    expectError(accepted, 404, 'INVITE_CODE_INVALID')
  })
})

describe('the signing PIN lock-out', () => {
  const grantWithPin = (pin: string) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/enterprises/${fx.ruifeng}/seal-grants`,
      headers: fx.rep,
      payload: {
        grantee: { invite: true },
        sealIds: [fx.seals.finance],
        validUntil: new Date(clock + 8 * HOUR).toISOString().slice(0, 10),
        pin,
      },
    })

  it('lasts fifteen minutes of the app clock, set and checked by it', async () => {
    for (let i = 0; i < 4; i++) expectError(await grantWithPin('000000'), 403, 'PIN_INVALID')
    expectError(await grantWithPin('000000'), 429, 'PIN_LOCKED')
    clock = T0 + 14 * MINUTE
    const locked = await grantWithPin('135790')
    expectError(locked, 429, 'PIN_LOCKED')
    expect(locked.json().message).toContain('请 1 分钟后再试')
    clock = T0 + 15 * MINUTE + SECOND
    expect((await grantWithPin('135790')).statusCode).toBe(201)
  })
})

describe('a grant’s acceptance and revocation', () => {
  it('are stamped by the app clock, so 验章 judges the grant at the signing time on one clock', async () => {
    const grants = () =>
      app.inject({ method: 'GET', url: `/api/v1/enterprises/${fx.ruifeng}/seal-grants`, headers: fx.rep })
    // The fixture's grant: 王磊, the 合同专用章.
    const fixtureGrant = async () =>
      ((await grants()).json() as { id: string; acceptedAt: string | null; seals: { id: string }[] }[]).find((grant) =>
        grant.seals.some((seal) => seal.id === fx.seals.contract),
      )!
    expect((await fixtureGrant()).acceptedAt).toBe(new Date(T0).toISOString())

    const created = await createTask(app, fx.system, {
      enterpriseUscc: fx.ruifengUscc,
      signers: [{ sealType: 'contract' }],
      documentName: '时钟测试合同',
      documentSm3: DOC_SM3,
      expiresInSeconds: 600,
    })
    clock = T0 + MINUTE
    expect((await scan(app, fx.handler, created.json().ticket)).statusCode).toBe(200)
    const signed = await confirm(app, fx.handler, created.json().taskId, { pin: HANDLER_PIN })
    expect(signed.statusCode).toBe(200)

    clock = T0 + 2 * MINUTE
    const grantId = (await fixtureGrant()).id
    const revoked = await app.inject({
      method: 'DELETE',
      url: `/api/v1/enterprises/${fx.ruifeng}/seal-grants/${grantId}`,
      headers: fx.rep,
    })
    expect(revoked.json()).toMatchObject({ status: 'revoked', revokedAt: new Date(T0 + 2 * MINUTE).toISOString() })

    // Signed a minute before the revocation: the grant covered the signing time.
    const verified = await app.inject({
      method: 'POST',
      url: '/api/v1/seal-verifications',
      payload: { signatureRecord: signed.json().signatures[0], documentSm3: DOC_SM3 },
    })
    expect(verified.statusCode).toBe(200)
    expect(verified.json().valid).toBe(true)
  })
})
