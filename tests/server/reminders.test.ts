import { runReminders, type ReminderJobContext } from '../../server/capabilities/licences/jobs/reminders'
import type { Queryable } from '../../server/kernel/db/db'
import type { ReminderRunReport } from '../../src/contract/account/schemas'
import { countRows, openTestDb, type TestDb } from './helpers'
import { FakeSender, makeEnterprise, makeLicence, makeUser } from './licences-kit'

/**
 * The reminder job on fixed dates: who gets what, on which channel, and that re-running a date —
 * after it finished, or after it died half-way — never delivers anything twice.
 */

const WEAPP_TEMPLATE = 'tpl-weapp'
const ALIPAY_TEMPLATE = 'tpl-alipay'

let testDb: TestDb

beforeAll(async () => {
  testDb = await openTestDb({ seed: false })
})
afterAll(() => testDb.close())

function jobContext(overrides: Partial<ReminderJobContext> = {}): ReminderJobContext & {
  wechat: FakeSender
  alipay: FakeSender
} {
  const wechat = new FakeSender()
  const alipay = new FakeSender()
  return {
    db: testDb.db,
    senders: { wechat, alipay },
    templates: { weapp: WEAPP_TEMPLATE, alipay: ALIPAY_TEMPLATE },
    concurrency: 1,
    wechat,
    alipay,
    ...overrides,
  }
}

async function subscribe(db: Queryable, userId: string, platform: 'weapp' | 'alipay', remaining: number) {
  await db.query(
    `insert into subscriptions (user_id, platform, template_id, result, remaining) values ($1, $2, $3, 'accept', $4)`,
    [userId, platform, platform === 'weapp' ? WEAPP_TEMPLATE : ALIPAY_TEMPLATE, remaining],
  )
}

interface DeliveryRow {
  licence_id: string
  offset_key: string
  user_id: string
  channel: string
  status: string
  attempts: number
}

async function deliveries(runDate: string): Promise<DeliveryRow[]> {
  const { rows } = await testDb.db.query<DeliveryRow>(
    `select licence_id, offset_key, user_id, channel, status, attempts from licence_reminder_outbox
     where run_date = $1 order by id`,
    [runDate],
  )
  return rows
}

/**
 * How often each (licence, offset, user, channel) reached its channel: inbox messages written, and
 * messages the fake platforms received (each fixture user has one due offset per licence and date).
 */
async function timesDelivered(runDate: string, senders: { wechat: FakeSender; alipay: FakeSender }) {
  const times = new Map<string, number>()
  const add = (key: string) => times.set(key, (times.get(key) ?? 0) + 1)
  const { rows: inbox } = await testDb.db.query<{ key: string }>(
    `select d.licence_id || ' ' || d.offset_key || ' ' || d.user_id || ' inbox' as key
     from inbox_messages m join licence_reminder_outbox d on d.id = m.outbox_id where d.run_date = $1`,
    [runDate],
  )
  inbox.forEach((row) => add(row.key))
  const rows = await deliveries(runDate)
  for (const channel of ['wechat', 'alipay'] as const) {
    for (const message of senders[channel].sent) {
      const licenceId = message.page.split('id=')[1]
      const row = rows.find((d) => d.licence_id === licenceId && d.channel === channel)
      add(`${licenceId} ${row?.offset_key} ${row?.user_id} ${channel}`)
    }
  }
  return times
}

describe('who is reminded of what', () => {
  const RUN = '2026-03-10'
  let ctx: ReturnType<typeof jobContext>
  let first: ReminderRunReport
  const ids: Record<string, string> = {}
  const users: Record<string, string> = {}

  beforeAll(async () => {
    const db = testDb.db
    const enterprise = await makeEnterprise(db, '许昌闹钟测试有限公司')
    const other = await makeEnterprise(db, '无人同意隐私政策有限公司')
    users.owner = await makeUser(db, {
      openid: 'o-owner',
      alipayUser: '2088000000000001',
      links: [{ enterpriseId: enterprise.id }],
    })
    users.clerk = await makeUser(db, { links: [{ enterpriseId: enterprise.id, role: 'agent' }] })
    // A 经办人 signs with a granted seal and may not read the licences: no reminders either.
    users.handler = await makeUser(db, { links: [{ enterpriseId: enterprise.id, role: 'handler' }] })
    users.noConsent = await makeUser(db, {
      consent: false,
      openid: 'o-none',
      links: [{ enterpriseId: enterprise.id }, { enterpriseId: other.id }],
    })
    await subscribe(db, users.owner, 'weapp', 1)
    await subscribe(db, users.owner, 'alipay', 5)
    await db.query(
      `insert into reminder_settings (user_id, offsets, on_expiry_day, channel_inbox, channel_wechat, channel_alipay)
       values ($1, '{10}', false, true, false, false)`,
      [users.clerk],
    )
    ids.d30 = await makeLicence(db, enterprise.id, { deadline: '2026-04-09' })
    ids.d7 = await makeLicence(db, enterprise.id, { deadline: '2026-03-17' })
    ids.d10 = await makeLicence(db, enterprise.id, { deadline: '2026-03-20' })
    ids.expiry = await makeLicence(db, enterprise.id, { expiresOn: RUN })
    ids.renewing = await makeLicence(db, enterprise.id, { deadline: '2026-03-17' })
    ids.cancelled = await makeLicence(db, enterprise.id, { deadline: '2026-03-17' })
    ids.deleted = await makeLicence(db, enterprise.id, { deadline: '2026-03-17' })
    ids.notDue = await makeLicence(db, enterprise.id, { deadline: '2026-03-18' })
    ids.nobodyAgreed = await makeLicence(db, other.id, { deadline: '2026-03-17' })
    await db.query(`update licences set renewal_started_on = '2026-03-02' where id = $1`, [ids.renewing])
    await db.query(`update licences set cancelled_on = '2026-03-01' where id = $1`, [ids.cancelled])
    await db.query(`update licences set deleted_at = now() where id = $1`, [ids.deleted])
    ctx = jobContext()
    first = await runReminders(ctx, RUN)
  })

  it('counts what was due and what went out on each channel', () => {
    expect(first).toEqual({
      date: RUN,
      // owner: d30, d7 and the expiry day; clerk: d10 (own offsets)
      due: 4,
      delivered: { inbox: 4, wechat: 1, alipay: 3 },
      skipped: 0,
      failed: 0,
      // one WeChat subscription left for three reminders
      undeliverable: 2,
    })
  })

  it("uses each user's own offsets, expiry-day choice and channels", async () => {
    const rows = await deliveries(RUN)
    const summary = rows.map((d) => `${d.user_id === users.owner ? 'owner' : 'clerk'} ${d.offset_key} ${d.channel}`)
    expect(summary.sort()).toEqual(
      [
        'clerk d10 inbox',
        'owner d30 inbox',
        'owner d30 wechat',
        'owner d30 alipay',
        'owner d7 inbox',
        'owner d7 wechat',
        'owner d7 alipay',
        'owner expiry inbox',
        'owner expiry wechat',
        'owner expiry alipay',
      ].sort(),
    )
    const licenceOf = (key: string) => rows.find((d) => d.offset_key === key)?.licence_id
    expect([licenceOf('d30'), licenceOf('d7'), licenceOf('d10'), licenceOf('expiry')]).toEqual([
      ids.d30,
      ids.d7,
      ids.d10,
      ids.expiry,
    ])
  })

  it('reminds nobody of a licence being renewed, cancelled, deleted, not due, or without consent', async () => {
    const reminded = new Set((await deliveries(RUN)).map((d) => d.licence_id))
    for (const key of ['renewing', 'cancelled', 'deleted', 'notDue', 'nobodyAgreed']) {
      expect(reminded.has(ids[key])).toBe(false)
    }
    expect(await countRows(testDb.db, `inbox_messages where user_id = '${users.noConsent}'`)).toBe(0)
  })

  it('reminds only those who may read the licences: not a handler', async () => {
    expect((await deliveries(RUN)).filter((d) => d.user_id === users.handler)).toEqual([])
    expect(await countRows(testDb.db, `inbox_messages where user_id = '${users.handler}'`)).toBe(0)
  })

  it('writes inbox messages that link to the licence and say what to do', async () => {
    const { rows } = await testDb.db.query<{ title: string; body: string; licence_id: string }>(
      'select title, body, licence_id from inbox_messages where user_id = $1',
      [users.clerk],
    )
    expect(rows).toEqual([
      {
        title: '证照续期提醒',
        body: expect.stringMatching(/许昌闹钟测试有限公司的公共场所卫生许可证.*2026-03-20 前提出续期申请，还剩 10 天/),
        licence_id: ids.d10,
      },
    ])
  })

  it('sends platform messages to the user with their template, page and fields', () => {
    expect(ctx.wechat.sent).toHaveLength(1)
    expect(ctx.wechat.sent[0]).toEqual({
      toUser: 'o-owner',
      templateId: WEAPP_TEMPLATE,
      page: expect.stringMatching(/^packages\/licences\/pages\/detail\/index\?id=[0-9a-f-]{36}$/),
      fields: [
        { name: 'thing1', value: '公共场所卫生许可证' },
        { name: 'thing2', value: '许昌闹钟测试有限公司' },
        { name: 'date3', value: expect.stringMatching(/^2026年\d\d月\d\d日$/) },
        { name: 'thing4', value: expect.any(String) },
      ],
    })
    expect(ctx.alipay.sent.map((m) => m.toUser)).toEqual(['2088000000000001', '2088000000000001', '2088000000000001'])
    expect(ctx.alipay.sent[0].fields.map((f) => f.name)).toEqual(['keyword1', 'keyword2', 'keyword3', 'keyword4'])
  })

  it('uses up one-time subscriptions: one per message sent', async () => {
    const { rows } = await testDb.db.query<{ platform: string; remaining: number }>(
      'select platform, remaining from subscriptions where user_id = $1 order by platform',
      [users.owner],
    )
    expect(rows).toEqual([
      { platform: 'alipay', remaining: 2 },
      { platform: 'weapp', remaining: 0 },
    ])
  })

  it('delivers nothing twice when the date is run again', async () => {
    const inboxBefore = await countRows(testDb.db, 'inbox_messages')
    const again = await runReminders(ctx, RUN)
    expect(again).toEqual({
      date: RUN,
      due: 4,
      delivered: { inbox: 0, wechat: 0, alipay: 0 },
      skipped: 8,
      failed: 0,
      undeliverable: 0,
    })
    expect(await countRows(testDb.db, 'inbox_messages')).toBe(inboxBefore)
    expect([ctx.wechat.sent.length, ctx.alipay.sent.length]).toEqual([1, 3])
    const times = await timesDelivered(RUN, ctx)
    expect([...times.values()].every((n) => n === 1)).toBe(true)
    expect(times.size).toBe(8)
  })
})

describe('a renewal under way (已提交续期)', () => {
  // Monday 2026-10-19 is the renewal deadline; the licence expires a month later.
  const DEADLINE = '2026-10-19'
  const ids: Record<string, string> = {}
  let ctx: ReturnType<typeof jobContext>
  let expiresOn: string

  async function remindersOf(runDate: string, licenceId: string) {
    return (await deliveries(runDate)).filter((d) => d.licence_id === licenceId).map((d) => d.offset_key)
  }

  beforeAll(async () => {
    const db = testDb.db
    const enterprise = await makeEnterprise(db, '续期办理中测试有限公司')
    await makeUser(db, { links: [{ enterpriseId: enterprise.id }] })
    ids.renewing = await makeLicence(db, enterprise.id, { deadline: DEADLINE })
    ids.renewed = await makeLicence(db, enterprise.id, { deadline: DEADLINE })
    await db.query(`update licences set renewal_started_on = '2026-09-01' where id = any($1::uuid[])`, [
      [ids.renewing, ids.renewed],
    ])
    const { rows } = await db.query<{ expires_on: string }>(
      `select to_char(expires_on, 'YYYY-MM-DD') as expires_on from licences where id = $1`,
      [ids.renewing],
    )
    expiresOn = rows[0].expires_on
    ctx = jobContext()
  })

  it('stops the countdown before the deadline', async () => {
    for (const runDate of ['2026-10-12', '2026-10-18']) {
      await runReminders(ctx, runDate)
      expect(await remindersOf(runDate, ids.renewing)).toEqual([])
    }
  })

  it('still reminds on the deadline day, saying the renewal is marked as under way', async () => {
    await runReminders(ctx, DEADLINE)
    expect(await remindersOf(DEADLINE, ids.renewing)).toEqual(['d0'])
    // The deadline day's message (the expiry day's, if that test ran first, is not this test's).
    const { rows } = await testDb.db.query<{ title: string; body: string }>(
      `select m.title, m.body from inbox_messages m join licence_reminder_outbox d on d.id = m.outbox_id
       where m.licence_id = $1 and d.offset_key = 'd0'`,
      [ids.renewing],
    )
    expect(rows).toEqual([{ title: '今天是续期申请截止日', body: expect.stringContaining('您已标记「续期办理中」') }])
  })

  it('reminds on the expiry day until the new certificate is recorded, then stops', async () => {
    // 已换新证 on the second licence: the renewal is done, its old dates remind nobody.
    await testDb.db.query(
      `update licences set renewal_started_on = null, expires_on = expires_on + 1826, latest_apply_on = latest_apply_on + 1826
       where id = $1`,
      [ids.renewed],
    )
    await runReminders(ctx, expiresOn)
    expect(await remindersOf(expiresOn, ids.renewing)).toEqual(['expiry'])
    expect(await remindersOf(expiresOn, ids.renewed)).toEqual([])
    const { rows } = await testDb.db.query<{ title: string }>(
      `select m.title from inbox_messages m join licence_reminder_outbox d on d.id = m.outbox_id
       where m.licence_id = $1 and d.offset_key = 'expiry'`,
      [ids.renewing],
    )
    expect(rows).toEqual([{ title: '证照今日到期，新证尚未登记' }])
  })
})

describe('a run that dies half-way, then runs again', () => {
  async function fixture(deadlines: string[]) {
    const enterprise = await makeEnterprise(testDb.db)
    const userId = await makeUser(testDb.db, {
      openid: `o-${enterprise.id}`,
      alipayUser: `open-${enterprise.id}`,
      links: [{ enterpriseId: enterprise.id }],
    })
    await subscribe(testDb.db, userId, 'weapp', 50)
    await subscribe(testDb.db, userId, 'alipay', 50)
    for (const deadline of deadlines) await makeLicence(testDb.db, enterprise.id, { deadline })
    return userId
  }

  const crash = () => {
    throw new Error('killed')
  }

  it('delivers every due reminder exactly once when killed between deliveries', async () => {
    const RUN = '2026-09-15'
    await fixture(['2026-10-15', '2026-09-30', '2026-09-22', '2026-09-18', '2026-09-16'])
    const ctx = jobContext({
      inboxBatchSize: 2,
      // 5 inbox messages in batches of 2 (2, 4, 5 settled), then 2 platform messages: killed at 7.
      hooks: { afterSettle: (settled) => (settled >= 7 ? crash() : undefined) },
    })
    await expect(runReminders(ctx, RUN)).rejects.toThrow('killed')
    const statuses = (await deliveries(RUN)).map((d) => d.status)
    expect(statuses.filter((s) => s === 'sent')).toHaveLength(7)
    expect(statuses.filter((s) => s === 'pending')).toHaveLength(8)

    const rerun = await runReminders({ ...ctx, hooks: undefined }, RUN)
    expect(rerun).toMatchObject({ due: 5, delivered: { inbox: 0, wechat: 4, alipay: 4 }, skipped: 7, failed: 0 })
    const times = await timesDelivered(RUN, ctx)
    expect(times.size).toBe(15)
    expect([...times.values()].every((n) => n === 1)).toBe(true)
    expect((await deliveries(RUN)).every((d) => d.status === 'sent' && d.attempts === 1)).toBe(true)
  })

  it('sends once a reminder whose run died after claiming it but before calling the platform', async () => {
    const RUN = '2026-06-16'
    await fixture(['2026-06-17', '2026-06-23', '2026-07-01'])
    let claims = 0
    const warnings: string[] = []
    const ctx = jobContext({
      hooks: { afterClaim: () => (++claims === 2 ? crash() : undefined) },
      log: { info: () => undefined, warn: (_o, message) => warnings.push(message) },
    })
    await expect(runReminders(ctx, RUN)).rejects.toThrow('killed')
    expect((await deliveries(RUN)).filter((d) => d.status === 'sending')).toHaveLength(1)
    await runReminders({ ...ctx, hooks: undefined }, RUN)
    const times = await timesDelivered(RUN, ctx)
    expect(times.size).toBe(9)
    expect([...times.values()].every((n) => n === 1)).toBe(true)
    expect(warnings).toEqual(['resending a reminder interrupted mid-send: may arrive twice'])
  })

  it('documents the one window: accepted by the platform, died before marking it sent', async () => {
    const RUN = '2026-07-14'
    await fixture(['2026-07-21'])
    const ctx = jobContext()
    ctx.wechat.answer = (_message, call) => (call === 1 ? crash() : { status: 'sent' })
    await expect(runReminders(ctx, RUN)).rejects.toThrow('killed')
    await runReminders(ctx, RUN)
    // WeChat got it twice: it takes no idempotency key. The row shows the resend.
    expect(ctx.wechat.sent).toHaveLength(2)
    const wechatRow = (await deliveries(RUN)).find((d) => d.channel === 'wechat')
    expect(wechatRow).toMatchObject({ status: 'sent', attempts: 2 })
    expect(ctx.alipay.sent).toHaveLength(1)
  })

  it('retries a platform failure on the next run, gives the subscription back, and never retries a refusal', async () => {
    const RUN = '2026-08-11'
    const userId = await fixture(['2026-08-18'])
    const ctx = jobContext()
    ctx.wechat.answer = () => ({ status: 'failed', reason: 'errcode -1' })
    ctx.alipay.answer = () => ({ status: 'refused', reason: 'user refused' })
    const report = await runReminders(ctx, RUN)
    expect(report).toMatchObject({ delivered: { inbox: 1, wechat: 0, alipay: 0 }, failed: 1, undeliverable: 1 })
    const { rows } = await testDb.db.query<{ platform: string; remaining: number }>(
      'select platform, remaining from subscriptions where user_id = $1 order by platform',
      [userId],
    )
    expect(rows).toEqual([
      { platform: 'alipay', remaining: 0 },
      { platform: 'weapp', remaining: 50 },
    ])
    ctx.wechat.answer = () => ({ status: 'sent' })
    const again = await runReminders(ctx, RUN)
    expect(again).toMatchObject({ delivered: { inbox: 0, wechat: 1, alipay: 0 }, failed: 0, undeliverable: 0 })
    expect([ctx.wechat.sent.length, ctx.alipay.sent.length]).toEqual([2, 1])
  })

  it('skips what was planned but is no longer due when the run resumes', async () => {
    const RUN = '2026-05-12'
    await fixture(['2026-05-19'])
    const ctx = jobContext({ hooks: { afterSettle: crash } })
    await expect(runReminders(ctx, RUN)).rejects.toThrow('killed')
    await testDb.db.query(
      `update licences set renewal_started_on = '2026-05-12' where id in
         (select licence_id from licence_reminder_outbox where run_date = $1)`,
      [RUN],
    )
    const resumed = await runReminders({ ...ctx, hooks: undefined }, RUN)
    expect(resumed).toMatchObject({ due: 0, delivered: { inbox: 0, wechat: 0, alipay: 0 }, undeliverable: 2 })
    expect(ctx.wechat.sent.length + ctx.alipay.sent.length).toBe(0)
  })
})

describe('stored deadlines', () => {
  it('are recomputed when they were estimates made before a newer holiday calendar', async () => {
    const RUN = '2026-04-14'
    const enterprise = await makeEnterprise(testDb.db)
    await makeUser(testDb.db, { links: [{ enterpriseId: enterprise.id }] })
    const licenceId = await makeLicence(testDb.db, enterprise.id, { deadline: '2026-04-21' })
    // As if computed when 2026 was not yet published, one day off.
    await testDb.db.query(
      `update licences set latest_apply_on = '2026-04-22', deadline_estimate = true,
         deadline_calendar_year = deadline_calendar_year - 1 where id = $1`,
      [licenceId],
    )
    const report = await runReminders(jobContext(), RUN)
    expect(report).toMatchObject({ due: 1, delivered: { inbox: 1 } })
    const { rows } = await testDb.db.query<{ latest: string; estimate: boolean }>(
      `select to_char(latest_apply_on, 'YYYY-MM-DD') as latest, deadline_estimate as estimate from licences where id = $1`,
      [licenceId],
    )
    expect(rows).toEqual([{ latest: '2026-04-21', estimate: false }])
  })
})
