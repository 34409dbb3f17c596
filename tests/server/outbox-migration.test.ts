import { randomBytes, randomUUID } from 'node:crypto'
import { Client } from 'pg'
import { openDb, type Db } from '../../server/kernel/db/db'
import { openPglite } from '../../server/kernel/db/pglite'
import { loadMigrations, migrate } from '../../server/kernel/db/migrate'
import { deliverComplaintNotices } from '../../server/capabilities/complaints/complaint-notices'
import { runReminders } from '../../server/capabilities/licences/jobs/reminders'
import type { NoticeContext } from '../../server/kernel/notify/notice-delivery'
import { deliverPolicyNotices } from '../../server/capabilities/policies/policy-notices'
import { deliverSealNotices } from '../../server/capabilities/esign/seals/seal-notices'
import { FakeSender, makeEnterprise, makeLicence, makeUser } from './licences-kit'
import { makeComplaintStep, makePolicy, subscribeWechat, TEMPLATE } from './outbox-kit'

/**
 * Migration 024 moves the four older delivery tables into the outbox. A database upgraded with an
 * unsent and a sent row in each sends each unsent one once after the upgrade, never a sent one, and
 * a run planning the same messages again writes nothing new (the dedupe keys keep the old keys).
 */

const RUN = '2026-04-14'

/** An empty database: in-memory PGlite, or with DATABASE_URL a fresh PostgreSQL schema dropped at the end. */
async function emptyDb(): Promise<{ db: Db; drop: () => Promise<void> }> {
  const databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl) return { db: await openPglite('memory://'), drop: async () => undefined }
  const schema = `test_${randomBytes(6).toString('hex')}`
  const admin = new Client({ connectionString: databaseUrl })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  return {
    db: await openDb({ databaseUrl, searchPath: schema }),
    drop: async () => {
      const client = new Client({ connectionString: databaseUrl })
      await client.connect()
      await client.query(`drop schema ${schema} cascade`)
      await client.end()
    },
  }
}

describe('upgrading to the one outbox (migration 024)', () => {
  let db: Db
  let drop = async () => undefined as void
  afterAll(async () => {
    await db?.close()
    await drop()
  })

  it('carries every old table’s unsent and sent rows over: each unsent one sent once, no sent one again', async () => {
    ;({ db, drop } = await emptyDb())
    const all = loadMigrations()
    await migrate(
      db,
      all.filter((m) => m.version < '024'),
    )
    const enterprise = await makeEnterprise(db)
    const userId = await makeUser(db, { openid: 'o-upgrade', links: [{ enterpriseId: enterprise.id }] })
    await subscribeWechat(db, userId, 10)
    // Only WeChat: the inbox row below is the one the run would plan too.
    await db.query(
      `insert into reminder_settings (user_id, offsets, on_expiry_day, channel_inbox, channel_wechat, channel_alipay)
       values ($1, '{7}', false, true, true, false)`,
      [userId],
    )

    // 证照续期提醒: the inbox row sent (with its message), the WeChat row not yet.
    const licenceId = await makeLicence(db, enterprise.id, { deadline: '2026-04-21' })
    const { rows: inboxRow } = await db.query<{ id: string }>(
      `insert into reminder_deliveries (licence_id, offset_key, user_id, channel, deadline, run_date, status, attempts, sent_at)
       values ($1, 'd7', $2, 'inbox', '2026-04-21', $3, 'sent', 1, now()) returning id::text as id`,
      [licenceId, userId, RUN],
    )
    await db.query(
      `insert into inbox_messages (id, user_id, enterprise_id, kind, title, body, licence_id, delivery_id)
       values ($1, $2, $3, 'licence-reminder', '证照续期提醒', '正文', $4, $5)`,
      [randomUUID(), userId, enterprise.id, licenceId, inboxRow[0].id],
    )
    await db.query(
      `insert into reminder_deliveries (licence_id, offset_key, user_id, channel, deadline, run_date)
       values ($1, 'd7', $2, 'wechat', '2026-04-21', $3)`,
      [licenceId, userId, RUN],
    )

    // 新政策: one policy's inbox row and WeChat message sent, another's WeChat message pending.
    const sentPolicy = await makePolicy(db)
    const pendingPolicy = await makePolicy(db)
    const { rows: policyInbox } = await db.query<{ id: string }>(
      `insert into policy_deliveries (policy_id, enterprise_id, user_id, channel, verdict)
       values ($1, $2, $3, 'inbox', 'eligible') returning id::text as id`,
      [sentPolicy, enterprise.id, userId],
    )
    await db.query(
      `insert into inbox_messages (id, user_id, enterprise_id, kind, title, body, policy_id, policy_delivery_id)
       values ($1, $2, $3, 'policy', '新政策', '正文', $4, $5)`,
      [randomUUID(), userId, enterprise.id, sentPolicy, policyInbox[0].id],
    )
    await db.query(
      `insert into policy_deliveries (policy_id, enterprise_id, user_id, channel, verdict, status, template_id, attempts, sent_at)
       values ($1, $2, $3, 'wechat', 'eligible', 'sent', $4, 1, now()),
              ($5, $2, $3, 'wechat', 'near', 'pending', $4, 0, null)`,
      [sentPolicy, enterprise.id, userId, TEMPLATE, pendingPolicy],
    )

    // 诉求进展: one step's message sent, the next one's pending.
    const sentStep = await makeComplaintStep(db, userId)
    const pendingStep = await makeComplaintStep(db, userId)
    await db.query(
      `insert into complaint_notices (complaint_id, event_id, user_id, channel, template_id, status, attempts, sent_at)
       values ($1, $2, $3, 'wechat', $4, 'sent', 1, now()), ($5, $6, $3, 'wechat', $4, 'pending', 0, null)`,
      [sentStep.complaintId, sentStep.eventId, userId, TEMPLATE, pendingStep.complaintId, pendingStep.eventId],
    )

    // 用章提醒 sent, 用章报告 pending.
    await db.query(
      `insert into seal_notices (source, enterprise_id, user_id, channel, template_id, page, field_values, status, attempts, sent_at)
       values ($1, $2, $3, 'wechat', $4, $5, '["用章提醒","公章","时段外","2026-04-13 22:00"]', 'sent', 1, now()),
              ($6, $2, $3, 'wechat', $4, $7, '["用章报告","企业","3月","2026-04-01 09:00"]', 'pending', 0, null)`,
      [
        `alert:${randomUUID()}:off-hours:2026-04-13`,
        enterprise.id,
        userId,
        TEMPLATE,
        `packages/seals/pages/audit/index?enterpriseId=${enterprise.id}`,
        `report:${enterprise.id}:2026-03`,
        `packages/seals/pages/reports/index?enterpriseId=${enterprise.id}&month=2026-03`,
      ],
    )

    await migrate(db, all)

    const { rows: moved } = await db.query<{ purpose: string; status: string; n: number }>(
      `select purpose, status, count(*)::int as n from outbox group by purpose, status order by purpose, status`,
    )
    expect(moved).toEqual([
      { purpose: 'complaint-progress', status: 'pending', n: 1 },
      { purpose: 'complaint-progress', status: 'sent', n: 1 },
      { purpose: 'licence-reminder', status: 'pending', n: 1 },
      { purpose: 'licence-reminder', status: 'sent', n: 1 },
      { purpose: 'policy', status: 'pending', n: 1 },
      { purpose: 'policy', status: 'sent', n: 2 },
      { purpose: 'seal-alert', status: 'sent', n: 1 },
      { purpose: 'seal-report', status: 'pending', n: 1 },
    ])
    const { rows: oldTables } = await db.query<{ n: number }>(
      `select count(*)::int as n from information_schema.tables where table_schema = current_schema()
         and table_name in ('reminder_deliveries', 'policy_deliveries', 'complaint_notices', 'seal_notices')`,
    )
    expect(oldTables[0].n).toBe(0)
    // The inbox messages now point at their outbox rows.
    const { rows: linked } = await db.query<{ kind: string; purpose: string }>(
      `select m.kind, o.purpose from inbox_messages m join outbox o on o.id = m.outbox_id order by m.kind`,
    )
    expect(linked).toEqual([
      { kind: 'licence-reminder', purpose: 'licence-reminder' },
      { kind: 'policy', purpose: 'policy' },
    ])

    const wechat = new FakeSender()
    const ctx: NoticeContext = { db, senders: { wechat }, concurrency: 1 }
    const report = await runReminders(
      { db, senders: { wechat }, templates: { weapp: TEMPLATE, alipay: 'tpl-none' }, concurrency: 1 },
      RUN,
    )
    // The run planned the same two reminders: the inbox one was written and sent before the upgrade.
    expect(report.delivered).toEqual({ inbox: 0, wechat: 1, alipay: 0 })
    await deliverPolicyNotices(ctx)
    await deliverComplaintNotices(ctx)
    await deliverSealNotices(ctx)
    expect(wechat.sent.map((message) => message.page.split('?')[0])).toEqual([
      'packages/licences/pages/detail/index',
      'packages/policies/pages/detail/index',
      'packages/complaints/pages/detail/index',
      'packages/seals/pages/reports/index',
    ])
    expect(wechat.sent[1].page).toBe(`packages/policies/pages/detail/index?id=${pendingPolicy}`)
    expect(wechat.sent[2].page).toBe(`packages/complaints/pages/detail/index?id=${pendingStep.complaintId}`)
    const { rows: inbox } = await db.query<{ n: number }>(
      'select count(*)::int as n from inbox_messages where user_id = $1',
      [userId],
    )
    expect(inbox[0].n).toBe(2)

    // Nothing left: every sweep again sends nothing.
    const again = new FakeSender()
    const againCtx: NoticeContext = { db, senders: { wechat: again }, concurrency: 1 }
    await runReminders(
      { db, senders: { wechat: again }, templates: { weapp: TEMPLATE, alipay: 'tpl-none' }, concurrency: 1 },
      RUN,
    )
    await deliverPolicyNotices(againCtx)
    await deliverComplaintNotices(againCtx)
    await deliverSealNotices(againCtx)
    expect(again.sent).toHaveLength(0)
  }, 120_000)
})
