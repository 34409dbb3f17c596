import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app'
import { deliverComplaintNotices } from '../../server/capabilities/complaints/complaint-notices'
import type { ComplaintView } from '../../src/contract/complaints/schemas'
import { retryUnsentNotices } from '../../server/kernel/notify/notice-retries'
import { noticeContextOf } from '../../server/kernel/notify/notice-context'
import { openTestDb, testConfig, type TestDb } from './helpers'
import { staffAction, submit, userToken, VALID_INPUT } from './complaints-kit'
import { makeUser } from './licences-kit'
import { freshOpenid, remaining, sendersFor, startFakeWechat, subscribe, type FakeWechat } from './subscribe-kit'

const TEMPLATE = 'dev-weapp-complaint-progress'

let testDb: TestDb
let wechat: FakeWechat
let app: FastifyInstance
const nowMs = Date.parse('2026-09-01T10:00:00+08:00')

let phoneSerial = 0
/** A submitter with a WeChat account and `subscriptions` of the complaint template, logged in. */
async function submitter(subscriptions: number) {
  const phone = `1368000${String(++phoneSerial).padStart(4, '0')}`
  const openid = freshOpenid()
  const userId = await makeUser(testDb.db, { phone, openid })
  if (subscriptions > 0) await subscribe(testDb.db, userId, TEMPLATE, subscriptions)
  return { userId, openid, token: await userToken(app, phone) }
}

async function file(token: string, input: object = VALID_INPUT): Promise<ComplaintView> {
  const response = await submit(app, token, input)
  expect(response.statusCode).toBe(201)
  return response.json<ComplaintView>()
}

async function notices(complaintId: string) {
  const { rows } = await testDb.db.query<{ status: string; attempts: number; last_error: string | null }>(
    'select status, attempts, last_error from complaint_notice_outbox where complaint_id = $1 order by id',
    [complaintId],
  )
  return rows
}

async function inboxCount(complaintId: string): Promise<number> {
  const { rows } = await testDb.db.query<{ n: number }>(
    `select count(*)::int as n from inbox_messages where kind = 'complaint' and complaint_id = $1`,
    [complaintId],
  )
  return rows[0].n
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
})

describe('诉求进展 subscribe messages', () => {
  it('tells a real-name submitter of each staff step once, in the inbox and on WeChat', async () => {
    const user = await submitter(5)
    const view = await file(user.token)
    expect((await staffAction(app, view.id, { type: 'accept' })).statusCode).toBe(200)
    const sends = wechat.sendsTo(user.openid)
    expect(sends).toHaveLength(1)
    expect(sends[0]).toEqual({
      touser: user.openid,
      template_id: TEMPLATE,
      page: `packages/complaints/pages/detail/index?id=${view.id}`,
      data: {
        thing1: { value: VALID_INPUT.title },
        thing2: { value: '已受理' },
        thing3: { value: expect.any(String) },
        time4: { value: '2026-09-01 10:00' },
      },
      miniprogram_state: 'formal',
      lang: 'zh_CN',
    })
    expect(await inboxCount(view.id)).toBe(1)

    // The same step retried is refused by the state machine: nothing new is sent.
    expect((await staffAction(app, view.id, { type: 'accept' })).statusCode).toBe(409)
    // Delivery run again (the retry sweep, or the same route's delivery): nothing twice.
    await deliverComplaintNotices(noticeContextOf(app), { complaintId: view.id })
    await retryUnsentNotices(app)
    expect(wechat.sendsTo(user.openid)).toHaveLength(1)

    // The next step is a new notice.
    expect((await staffAction(app, view.id, { type: 'assign', department: '魏都区住建局' })).statusCode).toBe(200)
    expect(wechat.sendsTo(user.openid).map((send) => send.data.thing2.value)).toEqual(['已受理', '已交办'])
    expect(await notices(view.id)).toEqual([
      { status: 'sent', attempts: 1, last_error: null },
      { status: 'sent', attempts: 1, last_error: null },
    ])
    expect(await inboxCount(view.id)).toBe(2)
    expect(await remaining(testDb.db, user.userId, TEMPLATE)).toBe(3)
  })

  it('sends an anonymous submitter nothing at all', async () => {
    const user = await submitter(5)
    const view = await file(user.token, { ...VALID_INPUT, anonymous: true, contactPhone: null })
    expect((await staffAction(app, view.id, { type: 'accept' })).statusCode).toBe(200)
    expect(wechat.sendsTo(user.openid)).toHaveLength(0)
    expect(await notices(view.id)).toEqual([])
    expect(await inboxCount(view.id)).toBe(0)
    expect(await remaining(testDb.db, user.userId, TEMPLATE)).toBe(5)
  })

  it('does not message a submitter without a subscription (the inbox still has it)', async () => {
    const user = await submitter(0)
    const view = await file(user.token)
    expect((await staffAction(app, view.id, { type: 'accept' })).statusCode).toBe(200)
    expect(wechat.sendsTo(user.openid)).toHaveLength(0)
    expect(await notices(view.id)).toEqual([])
    expect(await inboxCount(view.id)).toBe(1)
  })

  it('records a provider error without failing the step, and sends once on the retry', async () => {
    const user = await submitter(1)
    const view = await file(user.token)
    wechat.answer = { errcode: 45011, errmsg: 'api minute-quota reach limit' }
    const step = await staffAction(app, view.id, { type: 'accept' })
    expect(step.statusCode).toBe(200)
    expect(step.json<ComplaintView>().case.state).toBe('accepted')
    expect(await notices(view.id)).toEqual([
      { status: 'failed', attempts: 1, last_error: expect.stringContaining('45011') },
    ])
    expect(await remaining(testDb.db, user.userId, TEMPLATE)).toBe(1)
    const tries = wechat.sendsTo(user.openid).length

    wechat.answer = { errcode: 0, errmsg: 'ok' }
    await retryUnsentNotices(app)
    await retryUnsentNotices(app)
    expect(wechat.sendsTo(user.openid)).toHaveLength(tries + 1)
    expect(await notices(view.id)).toEqual([{ status: 'sent', attempts: 2, last_error: null }])
    expect(await remaining(testDb.db, user.userId, TEMPLATE)).toBe(0)
  })

  it('uses up the subscription when the user refused (43101) and does not retry', async () => {
    const user = await submitter(2)
    const view = await file(user.token)
    wechat.answer = { errcode: 43101, errmsg: 'user refuse to accept the msg' }
    expect((await staffAction(app, view.id, { type: 'accept' })).statusCode).toBe(200)
    await retryUnsentNotices(app)
    expect(wechat.sendsTo(user.openid)).toHaveLength(1)
    expect(await notices(view.id)).toEqual([
      { status: 'skipped', attempts: 1, last_error: expect.stringContaining('43101') },
    ])
    expect(await remaining(testDb.db, user.userId, TEMPLATE)).toBe(0)
  })
})

describe('诉求进展 in the inbox', () => {
  async function inboxBodies(complaintId: string): Promise<{ title: string; body: string }[]> {
    const { rows } = await testDb.db.query<{ title: string; body: string }>(
      `select title, body from inbox_messages where kind = 'complaint' and complaint_id = $1 order by created_at, id`,
      [complaintId],
    )
    return rows
  }

  it('names the complaint (title, category) in the 交办 and 答复 notices, not only the step note', async () => {
    const user = await submitter(0)
    const view = await file(user.token)
    const other = await file(user.token, { ...VALID_INPUT, title: '路灯不亮，联系 13900000003' })
    expect((await staffAction(app, view.id, { type: 'accept' })).statusCode).toBe(200)
    expect((await staffAction(app, view.id, { type: 'assign', department: '魏都区住建局' })).statusCode).toBe(200)
    expect((await staffAction(app, view.id, { type: 'start' })).statusCode).toBe(200)
    expect((await staffAction(app, view.id, { type: 'reply', answer: '已安排清淤，今日完成' })).statusCode).toBe(200)
    const bodies = await inboxBodies(view.id)
    expect(bodies.find((m) => m.title === '诉求进展：交办')?.body).toBe(
      '您的投诉类诉求「小区门口道路积水」交办：魏都区住建局。当前状态：已交办',
    )
    expect(bodies.find((m) => m.title === '诉求进展：答复')?.body).toBe(
      '您的投诉类诉求「小区门口道路积水」答复：已安排清淤，今日完成。当前状态：已答复',
    )

    // A title carrying a phone number is named with the number masked.
    expect((await staffAction(app, other.id, { type: 'accept' })).statusCode).toBe(200)
    const [accepted] = await inboxBodies(other.id)
    expect(accepted.body).toContain('「路灯不亮，联系 139****0003」')
    expect(accepted.body).not.toContain('13900000003')
  })
})
