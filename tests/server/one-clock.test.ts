import type { FastifyInstance } from 'fastify'
import { DEMO, expectError, loginSandbox, type TestDb } from './helpers'
import {
  closeSigningApp,
  confirm,
  createTask,
  DOC_SM3,
  HANDLER_PIN,
  openSigningApp,
  scan,
  ZHANG,
  type SigningFixture,
} from './seal-test-app'

/**
 * One clock (issue #13 items 3–4): a pinned app clock decides sessions, the age check of 刷脸,
 * seals' and grants' validity and sign-task deadlines — not the wall clock, not SQL now(). The app is
 * pinned years away from any real day, so a decision taken on the wall clock shows.
 */

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
