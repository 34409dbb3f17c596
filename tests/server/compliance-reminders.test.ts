import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../server/kernel/db/db'
import {
  runComplianceReminders,
  type ComplianceReminderContext,
  type ComplianceReminderHooks,
} from '../../server/capabilities/compliance/reminder-job'
import type { MessageChannel } from '../../server/kernel/notify/subscribe-templates'
import { chinaNoon, FakeSender, makeEnterprise, makeUser } from './licences-kit'
import { openTestDb, type TestDb } from './helpers'

/**
 * The compliance-reminders job on a fixed day, Wednesday 10 June 2026, with fake platforms: what is
 * due that day (the 3rd working day before the 15 June VAT and 个税 returns, the user's own 年报 day,
 * a penalty's first 信用修复 day, 1 working day before a policy window closes on 11 June), who
 * receives it, the one-message digest when subscriptions run short, and that re-running, crashing
 * mid-send and running twelve times at once never send a message twice.
 */

const RUN = '2026-06-10'
const TEMPLATES = { weapp: 'tpl-compliance-weapp', alipay: 'tpl-compliance-alipay' }

interface World {
  testDb: TestDb
  enterpriseId: string
  users: Record<string, string>
  wechat: FakeSender
  alipay: FakeSender
  ctx(hooks?: ComplianceReminderHooks): ComplianceReminderContext
}

async function subscribe(db: Queryable, userId: string, platform: 'weapp' | 'alipay', remaining: number) {
  await db.query(
    `insert into subscriptions (user_id, platform, template_id, result, remaining) values ($1, $2, $3, 'accept', $4)`,
    [userId, platform, TEMPLATES[platform], remaining],
  )
}

async function world(): Promise<World> {
  const testDb = await openTestDb({ seed: false })
  const db = testDb.db
  const enterprise = await makeEnterprise(db, '许昌合规提醒测试有限公司')
  const links = (role?: 'agent' | 'handler' | 'staff') => [{ enterpriseId: enterprise.id, ...(role ? { role } : {}) }]
  const users = {
    owner: await makeUser(db, { openid: 'o-owner', links: links() }),
    agent: await makeUser(db, { openid: 'o-agent', alipayUser: '2088000000000002', links: links('agent') }),
    // A 经办人 signs with a granted seal: not profile:read, so no reminders.
    handler: await makeUser(db, { openid: 'o-handler', links: links('handler') }),
    // Switched 纳税申报 off.
    noTax: await makeUser(db, { openid: 'o-notax', links: links('agent') }),
  }
  await subscribe(db, users.owner, 'weapp', 1)
  await subscribe(db, users.agent, 'weapp', 10)
  await subscribe(db, users.agent, 'alipay', 10)
  await subscribe(db, users.handler, 'weapp', 10)
  await subscribe(db, users.noTax, 'weapp', 10)
  await db.query(
    `insert into compliance_reminder_settings (user_id, kind, enabled, updated_at) values ($1, 'tax-filing', false, now())`,
    [users.noTax],
  )
  await db.query(
    `insert into compliance_profiles (enterprise_id, entity_type, tax_settings, updated_at)
     values ($1, 'enterprise', $2, now())`,
    [enterprise.id, JSON.stringify({ vatPayer: 'general', hasEmployees: true, corporateIncomeTax: true })],
  )
  await db.query(
    `insert into annual_report_reminder_days (enterprise_id, window_year, days, updated_at) values ($1, 2026, $2, now())`,
    [enterprise.id, JSON.stringify([RUN])],
  )
  // Decided 9 March: three months end 9 June, the repair can be applied for from 10 June.
  await db.query(
    `insert into compliance_penalties (id, enterprise_id, decided_on, field, simple_procedure, created_at)
     values ($1, $2, '2026-03-09', 'general', false, now())`,
    [randomUUID(), enterprise.id],
  )
  await db.query(`insert into policies (id, status, body, published_at) values ('p-window', 'published', $1, now())`, [
    JSON.stringify({
      id: 'p-window',
      title: '稳岗补贴',
      issuer: '许昌市人社局',
      level: 'city',
      region: '许昌市',
      summary: '',
      benefit: { type: 'subsidy', description: '' },
      applicationWindow: { opensOn: '2026-06-01', closesOn: '2026-06-11' },
      howToApply: '',
      materials: [],
      autoGrant: false,
      eligibility: { all: [] },
    }),
  ])
  const wechat = new FakeSender()
  const alipay = new FakeSender()
  return {
    testDb,
    enterpriseId: enterprise.id,
    users,
    wechat,
    alipay,
    ctx: (hooks) => ({
      db,
      senders: { wechat, alipay },
      templates: TEMPLATES,
      clock: () => chinaNoon(RUN),
      concurrency: 1,
      hooks,
    }),
  }
}

async function inboxOf(db: Queryable, userId: string): Promise<{ title: string; body: string; kind: string }[]> {
  const { rows } = await db.query<{ title: string; body: string; kind: string }>(
    'select title, body, kind from inbox_messages where user_id = $1 order by seq',
    [userId],
  )
  return rows
}

async function remaining(db: Queryable, userId: string, platform: 'weapp' | 'alipay'): Promise<number> {
  const { rows } = await db.query<{ remaining: number }>(
    'select remaining from subscriptions where user_id = $1 and platform = $2',
    [userId, platform],
  )
  return rows[0].remaining
}

const sentTo = (sender: FakeSender, to: string) => sender.sent.filter((m) => m.toUser === to)
const field = (message: { fields: { name: string; value: string }[] }, name: string) =>
  message.fields.find((f) => f.name === name)?.value

/** Each platform message's identity: who, and which item (the first field names it). */
function messageKeys(senders: Record<MessageChannel, FakeSender>): string[] {
  return (['wechat', 'alipay'] as const).flatMap((channel) =>
    senders[channel].sent.map((m) => `${channel} ${m.toUser} ${m.fields[0].value} ${m.page}`),
  )
}

describe('one run', () => {
  let w: World
  let report: Awaited<ReturnType<typeof runComplianceReminders>>

  beforeAll(async () => {
    w = await world()
    // 个税 of May marked 已办: no reminder for it.
    await w.testDb.db.query(
      `insert into compliance_item_states (enterprise_id, item_key, state, updated_at) values ($1, 'tax:iit:2026-05', 'done', now())`,
      [w.enterpriseId],
    )
    report = await runComplianceReminders(w.ctx(), RUN)
  })
  afterAll(() => w.testDb.close())

  it('puts every due item in the inbox of each person who may act for the enterprise', async () => {
    const titles = (await inboxOf(w.testDb.db, w.users.owner)).map((m) => m.body)
    expect(titles).toHaveLength(4)
    expect(titles.join('\n')).toContain('2025年度年报')
    expect(titles.join('\n')).toContain('增值税')
    expect(titles.join('\n')).toContain('信用修复')
    expect(titles.join('\n')).toContain('稳岗补贴')
    // 已办 (个税 2026-05) reminds nobody.
    expect(titles.join('\n')).not.toContain('个人所得税')
    expect((await inboxOf(w.testDb.db, w.users.agent)).map((m) => m.kind)).toEqual(Array(4).fill('compliance-reminder'))
    // The enterprise, the item and the days left (working days where the rule counts them).
    const policy = (await inboxOf(w.testDb.db, w.users.agent)).find((m) => m.body.includes('稳岗补贴'))
    expect(policy?.body).toContain('许昌合规提醒测试有限公司')
    expect(policy?.body).toContain('还剩1个工作日')
    const vat = (await inboxOf(w.testDb.db, w.users.agent)).find((m) => m.body.includes('增值税'))
    expect(vat?.body).toContain('还剩5天')
  })

  it('reminds nobody without profile:read, and nobody of a kind they switched off', async () => {
    expect(await inboxOf(w.testDb.db, w.users.handler)).toEqual([])
    expect(sentTo(w.wechat, 'o-handler')).toEqual([])
    const noTax = await inboxOf(w.testDb.db, w.users.noTax)
    expect(noTax).toHaveLength(3)
    expect(noTax.map((m) => m.body).join('\n')).not.toContain('增值税')
    expect(sentTo(w.wechat, 'o-notax')).toHaveLength(3)
  })

  it('with fewer subscriptions than items: ONE platform message naming the most urgent and 等N项', async () => {
    const owner = sentTo(w.wechat, 'o-owner')
    expect(owner).toHaveLength(1)
    // The most urgent: the repair that opens today (the others are due 11, 15 and 30 June).
    expect(field(owner[0], 'thing1')).toBe('行政处罚信用修复可申请等3项')
    expect(field(owner[0], 'thing4')).toBe('另有3项临近截止，详见站内消息')
    expect(owner[0].templateId).toBe(TEMPLATES.weapp)
    expect(owner[0].page).toBe('packages/compliance/pages/calendar/index')
    expect(await remaining(w.testDb.db, w.users.owner, 'weapp')).toBe(0)
    // The covered rows are settled with it.
    const { rows } = await w.testDb.db.query<{ status: string; covered: boolean }>(
      `select status, covered_by is not null as covered from outbox where user_id = $1 and channel = 'wechat' order by id`,
      [w.users.owner],
    )
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent'])
    expect(rows.filter((r) => r.covered)).toHaveLength(3)
  })

  it('with enough subscriptions: one message per item, most urgent first, each opening its source', async () => {
    const agent = sentTo(w.wechat, 'o-agent')
    expect(agent.map((m) => field(m, 'thing1'))).toEqual([
      '行政处罚信用修复可申请',
      '稳岗补贴 申报截止',
      '增值税及附加税费申报（2026年5月）',
      '2025年度年报',
    ])
    expect(agent[1].page).toBe('packages/policies/pages/detail/index?id=p-window')
    expect(agent[3].page).toContain('packages/compliance/pages/detail/index?enterpriseId=')
    expect(sentTo(w.alipay, '2088000000000002')).toHaveLength(4)
    expect(await remaining(w.testDb.db, w.users.agent, 'weapp')).toBe(6)
  })

  it('reports what it did', () => {
    expect(report).toEqual({
      date: RUN,
      due: 4 + 4 + 3,
      delivered: { inbox: 11, wechat: 1 + 4 + 3, alipay: 4 },
      digests: 1,
      failed: 0,
      undeliverable: 0,
    })
  })

  it('re-run for the same date: nothing new anywhere', async () => {
    const before = messageKeys(w)
    const inbox = (await w.testDb.db.query<{ n: number }>('select count(*)::int as n from inbox_messages')).rows[0].n
    const again = await runComplianceReminders(w.ctx(), RUN)
    expect(again.delivered).toEqual({ inbox: 0, wechat: 0, alipay: 0 })
    expect(messageKeys(w)).toEqual(before)
    expect((await w.testDb.db.query<{ n: number }>('select count(*)::int as n from inbox_messages')).rows[0].n).toBe(
      inbox,
    )
  })
})

describe('a crash after the claim, then a re-run', () => {
  let w: World
  beforeAll(async () => {
    w = await world()
  })
  afterAll(() => w.testDb.close())

  it('sends each message once and takes each subscription once', async () => {
    let claims = 0
    await expect(
      runComplianceReminders(
        w.ctx({
          afterClaim: () => {
            if (++claims === 3) throw new Error('killed after the claim')
          },
        }),
        RUN,
      ),
    ).rejects.toThrow('killed after the claim')
    const sentBefore = messageKeys(w).length
    await runComplianceReminders(w.ctx(), RUN)
    const keys = messageKeys(w)
    expect(keys.length).toBeGreaterThan(sentBefore)
    expect(new Set(keys).size).toBe(keys.length)
    // Owner: one digest; agent: 5 items on each platform; no-tax: 3 items.
    expect(sentTo(w.wechat, 'o-owner')).toHaveLength(1)
    expect(sentTo(w.wechat, 'o-agent')).toHaveLength(5)
    expect(sentTo(w.alipay, '2088000000000002')).toHaveLength(5)
    expect(sentTo(w.wechat, 'o-notax')).toHaveLength(3)
    expect(await remaining(w.testDb.db, w.users.agent, 'weapp')).toBe(5)
    expect(await remaining(w.testDb.db, w.users.agent, 'alipay')).toBe(5)
    expect(await remaining(w.testDb.db, w.users.owner, 'weapp')).toBe(0)
    const { rows } = await w.testDb.db.query<{ n: number }>(
      `select count(*)::int as n from outbox where status <> 'sent'`,
    )
    expect(rows[0].n).toBe(0)
  })
})

describe('twelve runs at once', () => {
  let w: World
  beforeAll(async () => {
    w = await world()
  })
  afterAll(() => w.testDb.close())

  it('send each message once', async () => {
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => runComplianceReminders(w.ctx(), RUN)))
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true)
    for (const r of results) if (r.status === 'rejected') expect(String(r.reason)).toContain('advisory lock')
    const keys = messageKeys(w)
    expect(new Set(keys).size).toBe(keys.length)
    expect(sentTo(w.wechat, 'o-owner')).toHaveLength(1)
    expect(sentTo(w.wechat, 'o-agent')).toHaveLength(5)
    const { rows } = await w.testDb.db.query<{ n: number; users: number }>(
      `select count(*)::int as n, count(distinct user_id)::int as users from inbox_messages`,
    )
    expect(rows[0]).toEqual({ n: 5 + 5 + 3, users: 3 })
  })

  it('a snoozed item (稍后提醒) is silent before its day and reminds on it, once', async () => {
    const db = w.testDb.db
    await db.query(
      `insert into compliance_item_states (enterprise_id, item_key, state, snoozed_until, updated_at)
       values ($1, 'tax:vat:2026-05', 'snoozed', '2026-06-12', now())`,
      [w.enterpriseId],
    )
    const before = (await inboxOf(db, w.users.owner)).length
    const nothing = await runComplianceReminders(w.ctx(), '2026-06-11')
    expect(nothing.due).toBe(0)
    const onTheDay = await runComplianceReminders(w.ctx(), '2026-06-12')
    await runComplianceReminders(w.ctx(), '2026-06-12')
    // Owner, agent and the no-tax user's switch: two of the three hear of it.
    expect(onTheDay.due).toBe(2)
    const owner = await inboxOf(db, w.users.owner)
    expect(owner).toHaveLength(before + 1)
    expect(owner[owner.length - 1].body).toContain('增值税及附加税费申报（2026年5月）')
    expect(owner[owner.length - 1].body).toContain('还剩3天')
    const { rows } = await db.query<{ dedupe_key: string }>(
      `select distinct dedupe_key from outbox where run_date = '2026-06-12'`,
    )
    expect(rows).toEqual([{ dedupe_key: 'tax:vat:2026-05:snooze:2026-06-12' }])
  })
})
