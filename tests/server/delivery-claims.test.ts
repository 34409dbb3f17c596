import { openPglite } from '../../server/kernel/db/pglite'
import { loadMigrations, migrate } from '../../server/kernel/db/migrate'
import type { Db, Queryable } from '../../server/kernel/db/db'
import { runReminders, type ReminderJobContext } from '../../server/capabilities/licences/jobs/reminders'
import { deliverNoticeGroups } from '../../server/kernel/notify/notice-delivery'
import { openTestDb, type TestDb } from './helpers'
import { FakeSender, makeEnterprise, makeLicence, makeUser } from './licences-kit'

/**
 * The one claim rule of the delivery loop (server/kernel/notify/notice-delivery.ts), as the licence
 * reminders now follow it: a claim records when it was made; a sender that may overlap others
 * leaves a fresh claim alone; the reminder run, alone under its lock, takes over a dead run's.
 */

const TEMPLATE = 'tpl-weapp-claims'

function jobContext(db: Db, overrides: Partial<ReminderJobContext> = {}): ReminderJobContext & { wechat: FakeSender } {
  const wechat = new FakeSender()
  return {
    db,
    senders: { wechat },
    templates: { weapp: TEMPLATE, alipay: 'tpl-none' },
    concurrency: 1,
    wechat,
    ...overrides,
  }
}

async function wechatReader(db: Queryable, deadline: string): Promise<string> {
  const enterprise = await makeEnterprise(db)
  const userId = await makeUser(db, { openid: `o-claims-${deadline}`, links: [{ enterpriseId: enterprise.id }] })
  await db.query(
    `insert into subscriptions (user_id, platform, template_id, result, remaining) values ($1, 'weapp', $2, 'accept', 5)`,
    [userId, TEMPLATE],
  )
  await makeLicence(db, enterprise.id, { deadline })
  return userId
}

const crash = (): never => {
  throw new Error('killed')
}

describe('claims of licence reminders', () => {
  let testDb: TestDb
  beforeAll(async () => {
    testDb = await openTestDb({ seed: false })
  })
  afterAll(() => testDb.close())

  it('are timed, left alone by an overlapping sender, and taken over by the next run', async () => {
    const RUN = '2026-04-14'
    const userId = await wechatReader(testDb.db, '2026-04-21')
    const ctx = jobContext(testDb.db, { hooks: { afterClaim: crash } })
    await expect(runReminders(ctx, RUN)).rejects.toThrow('killed')
    const { rows: claimed } = await testDb.db.query<{ id: string; status: string; timed: boolean }>(
      `select id::text as id, status, claimed_at is not null as timed from licence_reminder_outbox
       where run_date = $1 and channel = 'wechat' and user_id = $2`,
      [RUN, userId],
    )
    expect(claimed).toEqual([{ id: expect.any(String), status: 'sending', timed: true }])

    // A sender that may overlap a live one (a request, the hourly retries) must not send it.
    const overlapping = new FakeSender()
    const tally = await deliverNoticeGroups({ db: testDb.db, senders: { wechat: overlapping } }, 'outbox', [
      {
        ids: [claimed[0].id],
        userId,
        channel: 'wechat',
        templateId: TEMPLATE,
        toUser: `o-claims-2026-04-21`,
        message: (toUser) => ({ toUser, templateId: TEMPLATE, page: 'pages/index/index', fields: [] }),
      },
    ])
    expect(overlapping.sent).toHaveLength(0)
    expect(tally).toEqual({ sent: 0, failed: 0, undeliverable: 0 })

    const rerun = await runReminders({ ...ctx, hooks: undefined }, RUN)
    expect(rerun.delivered.wechat).toBe(1)
    expect(ctx.wechat.sent).toHaveLength(1)
    const { rows } = await testDb.db.query<{ status: string; attempts: number }>(
      'select status, attempts from licence_reminder_outbox where id = $1',
      [claimed[0].id],
    )
    expect(rows).toEqual([{ status: 'sent', attempts: 2 }])
  })
})

describe('upgrading a database with a reminder left mid-send', () => {
  it('sends it once on the first run after migration 017', async () => {
    const db = await openPglite('memory://')
    try {
      const all = loadMigrations()
      await migrate(
        db,
        all.filter((m) => m.version < '017'),
      )
      const RUN = '2026-04-14'
      const userId = await wechatReader(db, '2026-04-21')
      const licence = await db.query<{ id: string }>(`select id from licences limit 1`)
      await db.query(
        `insert into reminder_deliveries (licence_id, offset_key, user_id, channel, deadline, run_date, status, attempts, quota_taken)
         values ($1, 'd7', $2, 'wechat', '2026-04-21', $3, 'sending', 1, true)`,
        [licence.rows[0].id, userId, RUN],
      )
      await migrate(db, all)
      const warnings: string[] = []
      const ctx = jobContext(db, { log: { info: () => undefined, warn: (_o, message) => warnings.push(message) } })
      const report = await runReminders(ctx, RUN)
      expect(report.delivered.wechat).toBe(1)
      expect(ctx.wechat.sent).toHaveLength(1)
      expect(warnings).toEqual(['resending a reminder interrupted mid-send: may arrive twice'])
    } finally {
      await db.close()
    }
  }, 120_000)
})
