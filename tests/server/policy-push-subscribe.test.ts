import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app'
import type { PolicyPublishReport } from '../../src/contract/policies/schemas'
import { digestMomentOfWeek, digestTick } from '../../server/capabilities/policies/jobs/policy-digest'
import { retryUnsentNotices } from '../../server/kernel/notify/notice-retries'
import type { Policy } from '../../src/domain/policies/policy'
import type { EnterpriseProfile } from '../../src/domain/policies/profile'
import { TEST_ADMIN_KEY, bearer, loginSandbox, openTestDb, testConfig, type TestDb } from './helpers'
import { makeEnterprise, makeUser } from './licences-kit'
import { freshOpenid, remaining, sendersFor, startFakeWechat, subscribe, type FakeWechat } from './subscribe-kit'

const TEMPLATE = 'dev-weapp-policy-notice'
const admin = { authorization: `Bearer ${TEST_ADMIN_KEY}` }

let testDb: TestDb
let wechat: FakeWechat
let app: FastifyInstance
// Tuesday 2026-03-10, 12:00 China time.
let nowMs = Date.parse('2026-03-10T04:00:00Z')

/** Employees between 50 and 59 in 乌鲁木齐: each test uses its own count, so only its enterprise matches. */
let employeeSerial = 0
function testPolicy(id: string, employees: number): Policy {
  return {
    id,
    title: `测试政策 ${id}`,
    issuer: '乌鲁木齐市工业和信息化局',
    level: 'city',
    region: '乌鲁木齐市',
    summary: '测试用政策',
    benefit: { type: 'subsidy', amountWan: 10, text: '最高补贴10万元' },
    applicationWindow: {},
    howToApply: '在线申报',
    materials: ['营业执照'],
    autoGrant: false,
    eligibility: {
      all: [
        { id: 'region', kind: 'region', areas: [{ code: '650100', name: '乌鲁木齐市' }] },
        { id: 'employees', kind: 'employees', min: employees, max: employees },
      ],
    },
  }
}

const adminPost = (url: string) => app.inject({ method: 'POST', url: `/api/v1/admin${url}`, headers: admin })

async function createAndPublish(policy: Policy): Promise<PolicyPublishReport> {
  const created = await app.inject({ method: 'POST', url: '/api/v1/admin/policies', headers: admin, payload: policy })
  expect(created.statusCode).toBe(201)
  const published = await adminPost(`/policies/${policy.id}/publish`)
  expect(published.statusCode).toBe(200)
  return published.json<PolicyPublishReport>()
}

/** A matching enterprise of `employees` and a linked user with a WeChat account and `subscriptions`. */
async function subscriber(employees: number, subscriptions = 1, weekly = false) {
  const enterprise = await makeEnterprise(testDb.db)
  const profile: EnterpriseProfile = { regionCode: '650102', employees }
  await testDb.db.query('insert into enterprise_policy_facts (enterprise_id, profile) values ($1, $2::jsonb)', [
    enterprise.id,
    JSON.stringify(profile),
  ])
  const openid = freshOpenid()
  const phone = `1390000${String(employees).padStart(4, '0')}`
  const userId = await makeUser(testDb.db, { phone, openid, links: [{ enterpriseId: enterprise.id }] })
  if (subscriptions > 0) await subscribe(testDb.db, userId, TEMPLATE, subscriptions)
  if (weekly) {
    const { token } = await loginSandbox(app, phone)
    const set = await app.inject({
      method: 'PUT',
      url: '/api/v1/me/policy-push',
      headers: bearer(token),
      payload: { frequency: 'weekly' },
    })
    expect(set.statusCode).toBe(200)
  }
  return { userId, openid, enterpriseId: enterprise.id }
}

async function platformRows(policyId: string) {
  const { rows } = await testDb.db.query<{ status: string; attempts: number; last_error: string | null }>(
    `select status, attempts, last_error from policy_outbox where policy_id = $1 and channel = 'wechat'`,
    [policyId],
  )
  return rows
}

beforeAll(async () => {
  testDb = await openTestDb()
  wechat = await startFakeWechat()
  app = buildApp({ db: testDb.db, config: testConfig(), now: () => nowMs, messageSenders: sendersFor(wechat) })
  await app.ready()
})
afterAll(async () => {
  await app.close()
  await wechat.close()
  await testDb.close()
})
beforeEach(() => {
  wechat.answer = { errcode: 0, errmsg: 'ok' }
  employeeSerial++
})

describe('新政策 subscribe messages', () => {
  it('sends one message at publication and nothing when published or swept again', async () => {
    const employees = 50 + employeeSerial
    const user = await subscriber(employees, 3)
    const report = await createAndPublish(testPolicy('sub-once', employees))
    expect(report.subscribeSent).toBe(1)
    const sends = wechat.sendsTo(user.openid)
    expect(sends).toHaveLength(1)
    expect(sends[0]).toMatchObject({
      template_id: TEMPLATE,
      page: 'packages/policies/pages/detail/index?id=sub-once',
      data: { thing1: { value: '测试政策 sub-once' }, thing3: { value: '贵企业符合申报条件' } },
    })
    expect(await remaining(testDb.db, user.userId, TEMPLATE)).toBe(2)

    expect((await adminPost('/policies/sub-once/publish')).json<PolicyPublishReport>().subscribeSent).toBe(0)
    await retryUnsentNotices(app)
    expect(wechat.sendsTo(user.openid)).toHaveLength(1)
    expect(await platformRows('sub-once')).toEqual([{ status: 'sent', attempts: 1, last_error: null }])
    expect(await remaining(testDb.db, user.userId, TEMPLATE)).toBe(2)
  })

  it('sends nothing to a user without a subscription left', async () => {
    const employees = 50 + employeeSerial
    const user = await subscriber(employees, 0)
    const report = await createAndPublish(testPolicy('sub-none', employees))
    expect(report.delivered).toBe(1) // the inbox still has it
    expect(wechat.sendsTo(user.openid)).toHaveLength(0)
    expect(await platformRows('sub-none')).toEqual([])
  })

  it('holds a weekly user’s message for the digest, which sends one for all new policies, once', async () => {
    const employees = 50 + employeeSerial
    const user = await subscriber(employees, 1, true)
    await createAndPublish(testPolicy('sub-weekly-a', employees))
    await createAndPublish(testPolicy('sub-weekly-b', employees))
    expect(wechat.sendsTo(user.openid)).toHaveLength(0)

    const digest = await adminPost('/policies/weekly-digest')
    expect(digest.json()).toMatchObject({ subscribeSent: 1 })
    const sends = wechat.sendsTo(user.openid)
    expect(sends).toHaveLength(1)
    expect(sends[0].data.thing1.value).toMatch(/^本周新政策2项/)
    expect(sends[0].page).toBe('packages/policies/pages/list/index')
    expect([...(await platformRows('sub-weekly-a')), ...(await platformRows('sub-weekly-b'))]).toEqual([
      { status: 'sent', attempts: 1, last_error: null },
      { status: 'sent', attempts: 1, last_error: null },
    ])
    expect(await remaining(testDb.db, user.userId, TEMPLATE)).toBe(0)

    await adminPost('/policies/weekly-digest')
    await retryUnsentNotices(app)
    expect(wechat.sendsTo(user.openid)).toHaveLength(1)
  })

  it('records a provider error, gives the subscription back, and sends once on the retry', async () => {
    const employees = 50 + employeeSerial
    const user = await subscriber(employees, 1)
    wechat.answer = { errcode: -1, errmsg: 'system error' }
    expect((await createAndPublish(testPolicy('sub-fail', employees))).subscribeSent).toBe(0)
    expect(wechat.sendsTo(user.openid)).toHaveLength(3) // the sender's own retries
    expect(await platformRows('sub-fail')).toEqual([
      { status: 'failed', attempts: 1, last_error: expect.stringContaining('errcode -1') },
    ])
    expect(await remaining(testDb.db, user.userId, TEMPLATE)).toBe(1)

    wechat.answer = { errcode: 0, errmsg: 'ok' }
    await retryUnsentNotices(app)
    await retryUnsentNotices(app)
    expect(wechat.sendsTo(user.openid)).toHaveLength(4)
    expect(await platformRows('sub-fail')).toEqual([{ status: 'sent', attempts: 2, last_error: null }])
    expect(await remaining(testDb.db, user.userId, TEMPLATE)).toBe(0)
  })

  it('sends nothing more for a withdrawn policy', async () => {
    const employees = 50 + employeeSerial
    const user = await subscriber(employees, 1)
    wechat.answer = { errcode: 45009, errmsg: 'reach max api daily quota limit' }
    await createAndPublish(testPolicy('sub-withdrawn', employees))
    const tries = wechat.sendsTo(user.openid).length
    expect((await adminPost('/policies/sub-withdrawn/withdraw')).statusCode).toBe(200)

    wechat.answer = { errcode: 0, errmsg: 'ok' }
    await retryUnsentNotices(app)
    expect(wechat.sendsTo(user.openid)).toHaveLength(tries)
    expect(await platformRows('sub-withdrawn')).toEqual([
      { status: 'skipped', attempts: 1, last_error: 'policy withdrawn' },
    ])
  })
})

describe('the weekly digest schedule', () => {
  it('finds this week’s Monday time in China', () => {
    // Tuesday 2026-03-10 12:00 China → Monday 2026-03-09 09:00 China = 01:00 UTC.
    expect(digestMomentOfWeek(Date.parse('2026-03-10T04:00:00Z'), '09:00')).toEqual({
      weekStart: '2026-03-09',
      at: Date.parse('2026-03-09T01:00:00Z'),
    })
    // Sunday 23:30 China still belongs to the week that began the Monday before.
    expect(digestMomentOfWeek(Date.parse('2026-03-15T15:30:00Z'), '09:00').weekStart).toBe('2026-03-09')
    // Monday 00:30 China: a new week, its digest not due yet.
    const monday = digestMomentOfWeek(Date.parse('2026-03-15T16:30:00Z'), '09:00')
    expect(monday.weekStart).toBe('2026-03-16')
    expect(monday.at).toBeGreaterThan(Date.parse('2026-03-15T16:30:00Z'))
  })

  it('runs the digest once a week after Monday’s time, however often it ticks', async () => {
    // No digest has run yet (the scheduler test below runs one for another week).
    await testDb.db.query('delete from policy_digest_runs')
    const employees = 50 + employeeSerial
    const user = await subscriber(employees, 1, true)
    await createAndPublish(testPolicy('sub-tick', employees))
    nowMs = Date.parse('2026-03-15T16:30:00Z') // Monday 00:30 China: before the digest time
    expect(await digestTick(app, '09:00')).toBeNull()
    expect(wechat.sendsTo(user.openid)).toHaveLength(0)

    nowMs = Date.parse('2026-03-16T02:00:00Z') // Monday 10:00 China
    expect(await digestTick(app, '09:00')).toMatchObject({ subscribeSent: 1 })
    expect(await digestTick(app, '09:00')).toBeNull()
    expect(wechat.sendsTo(user.openid)).toHaveLength(1)
    const { rows } = await testDb.db.query<{ week_start: string; finished: boolean }>(
      `select to_char(week_start, 'YYYY-MM-DD') as week_start, finished_at is not null as finished
       from policy_digest_runs`,
    )
    expect(rows).toEqual([{ week_start: '2026-03-16', finished: true }])
  })
})

describe('the scheduler inside the server', () => {
  it('ticks when the app is ready (digest enabled) and waits for the tick on close', async () => {
    const config = testConfig()
    const scheduled = buildApp({
      db: testDb.db,
      config: { ...config, policies: { ...config.policies, digestEnabled: true, digestTime: '09:00' } },
      now: () => Date.parse('2026-03-24T02:00:00Z'), // Tuesday 10:00 China, week of 2026-03-23
      messageSenders: sendersFor(wechat),
    })
    await scheduled.ready()
    await scheduled.close()
    const { rows } = await testDb.db.query<{ finished: boolean }>(
      `select finished_at is not null as finished from policy_digest_runs where week_start = '2026-03-23'`,
    )
    expect(rows).toEqual([{ finished: true }])
  })
})

describe('asking for the policy template', () => {
  it('lists the policy template for the app and records the answer', async () => {
    const phone = '13912340000'
    await makeUser(testDb.db, { phone })
    const { token } = await loginSandbox(app, phone)
    const listed = await app.inject({
      url: '/api/v1/me/subscriptions?platform=weapp&purpose=policy',
      headers: bearer(token),
    })
    expect(listed.json()).toEqual({
      platform: 'weapp',
      templates: [{ id: TEMPLATE, title: '新政策提醒' }],
      results: { [TEMPLATE]: null },
    })
    const recorded = await app.inject({
      method: 'POST',
      url: '/api/v1/me/subscriptions',
      headers: bearer(token),
      payload: { platform: 'weapp', results: { [TEMPLATE]: 'accept' } },
    })
    expect(recorded.json().results).toEqual({ [TEMPLATE]: 'accept' })
    const unknown = await app.inject({
      url: '/api/v1/me/subscriptions?platform=weapp&purpose=x',
      headers: bearer(token),
    })
    expect(unknown.statusCode).toBe(400)
  })
})
