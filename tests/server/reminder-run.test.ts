import { addDays, type IsoDate } from '../../src/domain/calendar/dates'
import { complianceItemLink } from '../../src/domain/links'
import { listInbox } from '../../server/kernel/inbox/inbox-repo'
import { chineseDate, thing } from '../../server/kernel/notify/message-fields'
import { definedNotices } from '../../server/kernel/notify/notices'
import {
  defineReminderNotice,
  reminderJob,
  runReminderKind,
  type ReminderKind,
  type ReminderRunContext,
} from '../../server/kernel/notify/reminder-run'
import { openTestDb, testConfig, type TestDb } from './helpers'
import { FakeSender, makeEnterprise, makeUser } from './licences-kit'

/**
 * The reminder kit (server/kernel/notify/reminder-run.ts) with a made-up kind defined here — 年度消防
 * 自查提醒: every enterprise, 15 days before 30 June — a Notice and a planner of a few lines, run on
 * a pinned date: a row per channel, the inbox message with its link, nothing twice on a re-run, on
 * twelve runs at once, or after a run killed between a claim and its send.
 */

const RUN: IsoDate = '2026-06-15'
const TEMPLATES = { weapp: 'tpl-compliance-weapp', alipay: 'tpl-compliance-alipay' }

interface FireCheckPayload {
  enterpriseId: string
  enterpriseName: string
  year: number
  dueDate: IsoDate
}

const itemKey = (p: FireCheckPayload) => `fire-check:${p.year}`

const FIRE_CHECK_NOTICE = defineReminderNotice<FireCheckPayload>({
  purpose: 'test-fire-check-reminder',
  inboxKind: 'compliance-reminder',
  subscribe: 'compliance',
  fieldNames: {
    wechat: ['thing1', 'thing2', 'date3', 'thing4'],
    alipay: ['keyword1', 'keyword2', 'keyword3', 'keyword4'],
  },
  link: (p) => complianceItemLink(p.enterpriseId, itemKey(p), p.dueDate),
  inbox: (p) => ({
    title: '合规提醒：年度消防自查',
    body: `${p.enterpriseName}的${p.year}年度消防自查截止日期 ${p.dueDate}。`,
    complianceItem: { key: itemKey(p), date: p.dueDate },
  }),
  platformValues: (p) => [
    thing(`${p.year}年度消防自查`),
    thing(p.enterpriseName),
    chineseDate(p.dueDate),
    thing('请及时办理'),
  ],
})

const FIRE_CHECK: ReminderKind<FireCheckPayload> = {
  name: 'test-fire-check-reminders',
  summary: '年度消防自查提醒（测试）',
  notice: FIRE_CHECK_NOTICE,
  lockKey: 7_399_001,
  plan: async (db, date) => {
    const dueDate = `${date.slice(0, 4)}-06-30` as IsoDate
    if (addDays(date, 15) !== dueDate) return []
    const { rows } = await db.query<{ id: string; name: string }>('select id, name from enterprises order by id')
    return rows.map((e) => ({
      enterpriseId: e.id,
      dedupeKey: `${e.id}:${date.slice(0, 4)}`,
      action: 'profile:read' as const,
      payload: { enterpriseId: e.id, enterpriseName: e.name, year: Number(date.slice(0, 4)), dueDate },
    }))
  },
}

interface World {
  testDb: TestDb
  enterpriseId: string
  users: { rep: string; agent: string; handler: string; unconsented: string }
  wechat: FakeSender
  alipay: FakeSender
  ctx: (extra?: Partial<ReminderRunContext>) => ReminderRunContext
}

async function world(): Promise<World> {
  const testDb = await openTestDb({ seed: false })
  const { db } = testDb
  const enterpriseId = (await makeEnterprise(db, '许昌消防自查测试有限公司')).id
  const link = (role?: string) => [{ enterpriseId, ...(role ? { role } : {}) }]
  const users = {
    rep: await makeUser(db, { phone: '13900000301', openid: 'o-rep', links: link() }),
    agent: await makeUser(db, {
      phone: '13900000302',
      openid: 'o-agent',
      alipayUser: '2088000000000302',
      links: link('agent'),
    }),
    // 经办人: grant-bound, never reminded unasked.
    handler: await makeUser(db, { phone: '13900000303', openid: 'o-handler', links: link('handler') }),
    // no consent: never reminded.
    unconsented: await makeUser(db, { phone: '13900000304', openid: 'o-nc', consent: false, links: link('agent') }),
  }
  for (const [userId, platform] of [
    [users.rep, 'weapp'],
    [users.agent, 'weapp'],
    [users.agent, 'alipay'],
    [users.handler, 'weapp'],
    [users.unconsented, 'weapp'],
  ] as const) {
    await db.query(
      `insert into subscriptions (user_id, platform, template_id, result, remaining) values ($1, $2, $3, 'accept', 5)`,
      [userId, platform, TEMPLATES[platform]],
    )
  }
  const config = testConfig({ complianceSubscribeTemplates: TEMPLATES })
  const wechat = new FakeSender()
  const alipay = new FakeSender()
  return {
    testDb,
    enterpriseId,
    users,
    wechat,
    alipay,
    ctx: (extra = {}) => ({ db, senders: { wechat, alipay }, config, ...extra }),
  }
}

async function outboxRows(w: World): Promise<string[]> {
  const { rows } = await w.testDb.db.query<{ user_id: string; channel: string; status: string; dedupe_key: string }>(
    `select user_id, channel, status, dedupe_key from outbox where purpose = $1`,
    [FIRE_CHECK_NOTICE.purpose],
  )
  const who = (id: string) => Object.entries(w.users).find(([, u]) => u === id)?.[0]
  return rows.map((r) => `${who(r.user_id)} ${r.channel} ${r.status} ${r.dedupe_key}`).sort()
}

const sentTo = (sender: FakeSender) => sender.sent.map((m) => m.toUser).sort()

async function remaining(w: World, userId: string, platform: 'weapp' | 'alipay'): Promise<number> {
  const { rows } = await w.testDb.db.query<{ remaining: number }>(
    'select remaining from subscriptions where user_id = $1 and platform = $2',
    [userId, platform],
  )
  return Number(rows[0].remaining)
}

describe('a reminder kind of one Notice and one planner', () => {
  it('registers its Notice and becomes a daily job at the reminder time, on the reminders switch', () => {
    expect(definedNotices().map((n) => n.purpose)).toContain('test-fire-check-reminder')
    const job = reminderJob(FIRE_CHECK)
    const config = testConfig()
    expect(job).toMatchObject({ name: 'test-fire-check-reminders', lockKey: 7_399_001 })
    expect(job.cadence(config)).toEqual({ kind: 'daily', at: config.reminders.time })
    expect(job.enabled(config)).toBe(config.reminders.enabled)
    expect(job.enabled({ ...config, reminders: { ...config.reminders, enabled: true } })).toBe(true)
  })
})

describe(`the kind run on ${RUN}`, () => {
  let w: World
  beforeAll(async () => {
    w = await world()
  })
  afterAll(() => w.testDb.close())

  it('writes a row per channel per holder of the action and sends each once', async () => {
    const report = await runReminderKind(w.ctx(), FIRE_CHECK, RUN)
    expect(report).toEqual({
      date: RUN,
      due: 2,
      delivered: { inbox: 2, wechat: 2, alipay: 1 },
      failed: 0,
      undeliverable: 0,
    })
    const key = `${w.enterpriseId}:2026`
    expect(await outboxRows(w)).toEqual(
      [
        `agent alipay sent ${key}`,
        `agent inbox sent ${key}`,
        `agent wechat sent ${key}`,
        `rep inbox sent ${key}`,
        `rep wechat sent ${key}`,
      ].sort(),
    )
    expect(sentTo(w.wechat)).toEqual(['o-agent', 'o-rep'])
    expect(sentTo(w.alipay)).toEqual(['2088000000000302'])
    const [message] = w.wechat.sent
    expect(message.templateId).toBe(TEMPLATES.weapp)
    expect(message.page).toBe(complianceItemLink(w.enterpriseId, 'fire-check:2026', '2026-06-30'))
    expect(message.fields).toEqual([
      { name: 'thing1', value: '2026年度消防自查' },
      { name: 'thing2', value: '许昌消防自查测试有限公司' },
      { name: 'date3', value: '2026年06月30日' },
      { name: 'thing4', value: '请及时办理' },
    ])
    expect(w.alipay.sent[0].templateId).toBe(TEMPLATES.alipay)
    expect(w.alipay.sent[0].fields.map((f) => f.name)).toEqual(['keyword1', 'keyword2', 'keyword3', 'keyword4'])
    expect(await remaining(w, w.users.agent, 'weapp')).toBe(4)
    expect(await remaining(w, w.users.handler, 'weapp')).toBe(5)
  })

  it('puts the message in the inbox with its link', async () => {
    const page = await listInbox(w.testDb.db, w.users.agent)
    expect(page.items).toHaveLength(1)
    expect(page.items[0]).toMatchObject({
      kind: 'compliance-reminder',
      enterpriseId: w.enterpriseId,
      title: '合规提醒：年度消防自查',
      body: '许昌消防自查测试有限公司的2026年度消防自查截止日期 2026-06-30。',
      link: { kind: 'compliance-item', key: 'fire-check:2026', date: '2026-06-30' },
    })
    expect((await listInbox(w.testDb.db, w.users.handler)).items).toEqual([])
  })

  it('sends nothing when run again for the same day', async () => {
    const before = await outboxRows(w)
    const again = await runReminderKind(w.ctx(), FIRE_CHECK, RUN)
    expect(again).toMatchObject({ due: 2, delivered: { inbox: 0, wechat: 0, alipay: 0 }, failed: 0 })
    expect(await outboxRows(w)).toEqual(before)
    expect(w.wechat.sent).toHaveLength(2)
    expect(w.alipay.sent).toHaveLength(1)
    const { rows } = await w.testDb.db.query<{ n: number }>('select count(*)::int as n from inbox_messages')
    expect(rows[0].n).toBe(2)
  })

  it('reminds nobody on a day the planner finds nothing due', async () => {
    const report = await runReminderKind(w.ctx(), FIRE_CHECK, '2026-06-16')
    expect(report).toMatchObject({ due: 0, delivered: { inbox: 0, wechat: 0, alipay: 0 } })
  })
})

describe('twelve runs at once', () => {
  let w: World
  beforeAll(async () => {
    w = await world()
  })
  afterAll(() => w.testDb.close())

  it('send each message once', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => runReminderKind(w.ctx(), FIRE_CHECK, RUN)),
    )
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true)
    for (const r of results) if (r.status === 'rejected') expect(String(r.reason)).toContain('advisory lock')
    expect(sentTo(w.wechat)).toEqual(['o-agent', 'o-rep'])
    expect(sentTo(w.alipay)).toEqual(['2088000000000302'])
    const { rows } = await w.testDb.db.query<{ n: number; users: number }>(
      'select count(*)::int as n, count(distinct user_id)::int as users from inbox_messages',
    )
    expect(rows[0]).toEqual({ n: 2, users: 2 })
    expect(await remaining(w, w.users.agent, 'weapp')).toBe(4)
  })
})

describe('a run killed after a claim, then a re-run', () => {
  let w: World
  beforeAll(async () => {
    w = await world()
  })
  afterAll(() => w.testDb.close())

  it('sends each message once and takes each subscription once', async () => {
    let claims = 0
    const killed = w.ctx({
      concurrency: 1,
      afterClaim: () => {
        if (++claims === 2) throw new Error('killed after the claim')
      },
    })
    await expect(runReminderKind(killed, FIRE_CHECK, RUN)).rejects.toThrow('killed after the claim')
    expect(w.wechat.sent.length + w.alipay.sent.length).toBe(1)
    const report = await runReminderKind(w.ctx(), FIRE_CHECK, RUN)
    expect(report.delivered.inbox).toBe(0)
    expect(sentTo(w.wechat)).toEqual(['o-agent', 'o-rep'])
    expect(sentTo(w.alipay)).toEqual(['2088000000000302'])
    expect(await remaining(w, w.users.agent, 'weapp')).toBe(4)
    expect(await remaining(w, w.users.agent, 'alipay')).toBe(4)
    expect(await remaining(w, w.users.rep, 'weapp')).toBe(4)
    const { rows } = await w.testDb.db.query<{ n: number }>(
      `select count(*)::int as n from outbox where purpose = $1 and status <> 'sent'`,
      [FIRE_CHECK_NOTICE.purpose],
    )
    expect(rows[0].n).toBe(0)
  })
})
