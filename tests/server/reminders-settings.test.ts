import type { FastifyInstance } from 'fastify'
import { runReminders } from '../../server/capabilities/licences/jobs/reminders'
import { nextRunAt } from '../../server/kernel/jobs/scheduler'
import type { MessageSender } from '../../server/kernel/notify/sender'
import type { ReminderSettings } from '../../src/contract/account/schemas'
import { bearer, countRows, expectError, loginSandbox, openTestDb, TEST_ADMIN_KEY, type TestDb } from './helpers'
import { appAt, FakeSender, makeEnterprise, makeLicence, makeUser } from './licences-kit'

const TODAY = '2026-03-10'

let testDb: TestDb
let app: FastifyInstance
let token: string
let userId: string
const wechat = new FakeSender()
/** Set by a test to catch a run in the act: the WeChat send waits until `release` is called. */
let arrived: (() => void) | null = null
let release: () => void = () => undefined

const call = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown, headers = bearer(token)) =>
  app.inject({ method, url: `/api/v1${url}`, headers, payload: payload as object })

beforeAll(async () => {
  testDb = await openTestDb({ seed: false })
  const held: MessageSender = {
    async send(message) {
      if (arrived) {
        arrived()
        await new Promise<void>((resolve) => (release = resolve))
      }
      return wechat.send(message)
    },
  }
  app = await appAt(testDb.db, TODAY, { messageSenders: { wechat: held } })
  const enterprise = await makeEnterprise(testDb.db)
  userId = await makeUser(testDb.db, { phone: '13900000009', links: [{ enterpriseId: enterprise.id }] })
  token = (await loginSandbox(app, '13900000009')).token
  await makeLicence(testDb.db, enterprise.id, { deadline: '2026-03-17' })
})
afterAll(async () => {
  await app.close()
  await testDb.close()
})

// Each describe starts its tests from what they assume of the one user (no settings saved, no
// subscription answered, nothing delivered yet), so any test runs alone or in any order.
describe('reminder settings', () => {
  beforeEach(async () => {
    await testDb.db.query('delete from reminder_settings where user_id = $1', [userId])
  })

  it('starts from the defaults: 60/30/15/7/3/1 days, the expiry day, every channel', async () => {
    const response = await call('GET', '/me/reminder-settings')
    expect(response.json()).toEqual({
      offsets: [60, 30, 15, 7, 3, 1],
      onExpiryDay: true,
      channels: { inbox: true, wechat: true, alipay: true },
    })
  })

  it('saves the user’s choice, offsets largest first', async () => {
    const settings: ReminderSettings = {
      offsets: [0, 45, 10],
      onExpiryDay: false,
      channels: { inbox: true, wechat: false, alipay: true },
    }
    const saved = await call('PUT', '/me/reminder-settings', settings)
    expect(saved.json()).toEqual({ ...settings, offsets: [45, 10, 0] })
    expect((await call('GET', '/me/reminder-settings')).json()).toEqual({ ...settings, offsets: [45, 10, 0] })
  })

  it.each([
    ['an offset over 365', { offsets: [366] }],
    ['a negative offset', { offsets: [-1] }],
    ['a fractional offset', { offsets: [1.5] }],
    ['a repeated offset', { offsets: [7, 7] }],
    ['eleven offsets', { offsets: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }],
    ['a string for a boolean', { onExpiryDay: 'yes' }],
    ['a missing channel', { channels: { inbox: true, wechat: true } }],
    ['an unknown channel', { channels: { inbox: true, wechat: true, alipay: true, sms: true } }],
  ])('rejects %s and keeps what was saved', async (_name, overrides) => {
    const before = (await call('GET', '/me/reminder-settings')).json()
    const body = {
      offsets: [30],
      onExpiryDay: true,
      channels: { inbox: true, wechat: true, alipay: true },
      ...overrides,
    }
    expectError(await call('PUT', '/me/reminder-settings', body), 400, 'VALIDATION_FAILED')
    expect((await call('GET', '/me/reminder-settings')).json()).toEqual(before)
  })

  it('needs a session', async () => {
    expectError(await app.inject({ url: '/api/v1/me/reminder-settings' }), 401, 'UNAUTHORIZED')
  })
})

describe('subscriptions', () => {
  const weappTemplate = 'dev-weapp-licence-reminder'
  beforeEach(async () => {
    await testDb.db.query('delete from subscriptions where user_id = $1', [userId])
  })

  it('lists the templates to ask for on each platform, unanswered at first', async () => {
    expect((await call('GET', '/me/subscriptions?platform=weapp')).json()).toEqual({
      platform: 'weapp',
      templates: [{ id: weappTemplate, title: '证照续期提醒' }],
      results: { [weappTemplate]: null },
    })
    expect((await call('GET', '/me/subscriptions?platform=alipay')).json().templates[0].id).toBe(
      'dev-alipay-licence-reminder',
    )
  })

  it('records answers: each accept allows one more message, a ban none, a reject keeps the rest', async () => {
    const remaining = async () =>
      (await testDb.db.query<{ remaining: number }>('select remaining from subscriptions where user_id = $1', [userId]))
        .rows[0].remaining
    const record = (result: string) =>
      call('POST', '/me/subscriptions', { platform: 'weapp', results: { [weappTemplate]: result } })
    expect((await record('accept')).json().results).toEqual({ [weappTemplate]: 'accept' })
    await record('accept')
    expect(await remaining()).toBe(2)
    await record('reject')
    expect(await remaining()).toBe(2)
    expect((await record('ban')).json().results).toEqual({ [weappTemplate]: 'ban' })
    expect(await remaining()).toBe(0)
  })

  it.each([
    ['an unknown template', { platform: 'weapp', results: { 'tpl-unknown': 'accept' } }],
    ['four templates', { platform: 'weapp', results: { a: 'accept', b: 'accept', c: 'accept', d: 'accept' } }],
    ['no template', { platform: 'weapp', results: {} }],
    ['an unknown answer', { platform: 'weapp', results: { 'dev-weapp-licence-reminder': 'maybe' } }],
    ['the H5 platform', { platform: 'h5', results: { 'dev-weapp-licence-reminder': 'accept' } }],
  ])('rejects %s, recording nothing', async (_name, body) => {
    const before = await countRows(testDb.db, 'subscriptions')
    expectError(await call('POST', '/me/subscriptions', body), 400, 'VALIDATION_FAILED')
    expect(await countRows(testDb.db, 'subscriptions')).toBe(before)
  })

  it('needs the platform to list', async () => {
    expectError(await call('GET', '/me/subscriptions'), 400, 'VALIDATION_FAILED')
    expectError(await call('GET', '/me/subscriptions?platform=h5'), 400, 'VALIDATION_FAILED')
  })
})

describe('running the job on demand', () => {
  const admin = bearer(TEST_ADMIN_KEY)
  const inboxOnly = { inbox: true, wechat: false, alipay: false }

  beforeEach(async () => {
    await testDb.db.query('delete from inbox_messages where user_id = $1', [userId])
    await testDb.db.query('delete from licence_reminder_outbox where user_id = $1', [userId])
    await call('PUT', '/me/reminder-settings', { offsets: [7], onExpiryDay: true, channels: inboxOnly })
  })

  it('runs a date and answers the counts; a second call finds everything sent', async () => {
    const first = await call('POST', '/admin/reminders/run', { date: TODAY }, admin)
    expect(first.statusCode).toBe(200)
    expect(first.json()).toMatchObject({ date: TODAY, due: 1, delivered: { inbox: 1, wechat: 0, alipay: 0 } })
    expect((await call('POST', '/admin/reminders/run', { date: TODAY }, admin)).json()).toMatchObject({
      due: 1,
      delivered: { inbox: 0, wechat: 0, alipay: 0 },
      skipped: 1,
    })
  })

  it('defaults to today in China', async () => {
    expect((await call('POST', '/admin/reminders/run', undefined, admin)).json().date).toBe(TODAY)
  })

  it('rejects a bad date and callers without the admin key', async () => {
    expectError(await call('POST', '/admin/reminders/run', { date: '2026-02-30' }, admin), 400, 'VALIDATION_FAILED')
    expectError(await call('POST', '/admin/reminders/run', { date: 20260310 }, admin), 400, 'VALIDATION_FAILED')
    expectError(await call('POST', '/admin/reminders/run', { date: TODAY }), 401, 'ADMIN_KEY_INVALID')
  })

  it('answers 409 while another run holds the lock', async () => {
    await testDb.db.query(
      `insert into subscriptions (user_id, platform, template_id, result, remaining)
       values ($1, 'weapp', 'dev-weapp-licence-reminder', 'accept', 1)
       on conflict (user_id, platform, template_id) do update set remaining = 1`,
      [userId],
    )
    await testDb.db.query(`insert into user_identities (platform, subject, user_id) values ('weapp', 'o-held', $1)`, [
      userId,
    ])
    await call('PUT', '/me/reminder-settings', {
      offsets: [7],
      onExpiryDay: true,
      channels: { ...inboxOnly, wechat: true },
    })
    const reached = new Promise<void>((resolve) => (arrived = resolve))
    const running = runReminders(app.reminderJob, TODAY)
    await reached
    expectError(await call('POST', '/admin/reminders/run', { date: TODAY }, admin), 409, 'REMINDER_RUN_IN_PROGRESS')
    arrived = null
    release()
    expect((await running).delivered.wechat).toBe(1)
    expect(wechat.sent).toHaveLength(1)
  })
})

describe('the daily schedule', () => {
  it('finds the next 08:30 in China, today or tomorrow', () => {
    // 2026-03-10 08:29 in China is 00:29 UTC.
    expect(new Date(nextRunAt(Date.parse('2026-03-10T00:29:00Z'), '08:30')).toISOString()).toBe(
      '2026-03-10T00:30:00.000Z',
    )
    expect(new Date(nextRunAt(Date.parse('2026-03-10T00:30:00Z'), '08:30')).toISOString()).toBe(
      '2026-03-11T00:30:00.000Z',
    )
    // 23:00 UTC is already the next day in China.
    expect(new Date(nextRunAt(Date.parse('2026-03-10T23:00:00Z'), '08:30')).toISOString()).toBe(
      '2026-03-11T00:30:00.000Z',
    )
  })
})
