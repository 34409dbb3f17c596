import type { Db } from '../../server/kernel/db/db'
import { deliverComplaintNotices, recordComplaintNotices } from '../../server/capabilities/complaints/complaint-notices'
import { runComplianceReminders } from '../../server/capabilities/compliance/reminder-job'
import type { CompliancePlanner } from '../../server/capabilities/compliance/planners/planner'
import { runReminders } from '../../server/capabilities/licences/jobs/reminders'
import { listInbox } from '../../server/kernel/inbox/inbox-repo'
import type { NoticeContext } from '../../server/kernel/notify/notice-delivery'
import { deliverPolicyNotices } from '../../server/capabilities/policies/policy-notices'
import { deliverSealNotices, recordSealNotice } from '../../server/capabilities/esign/seals/seal-notices'
import { complianceItemLink } from '../../src/domain/links'
import { openTestDb, type TestDb } from './helpers'
import { chinaNoon, FakeSender, makeEnterprise, makeLicence, makeUser } from './licences-kit'
import { makeComplaintStep, makePolicy, subscribeWechat, TEMPLATE } from './outbox-kit'

/**
 * THE outbox (migration 024): every purpose's platform messages go through the one claim → send →
 * settle loop with the one reclaim rule. For each purpose: a process killed after the claim (before
 * the platform answered) and a later run send the message once; twelve loops at once send it once.
 * Each test has a user of its own; the rows of other tests are sent already, so a sweep finds only its.
 */

const RUN = '2026-04-14'

interface Purpose {
  purpose: string
  /** writes the purpose's pending WeChat row for a fresh user (with an openid and subscriptions) */
  setup(db: Db, userId: string, enterpriseId: string): Promise<void>
  /** one delivery: the purpose's own run or sweep; `afterClaim` throwing kills it there */
  deliver(db: Db, sender: FakeSender, afterClaim?: () => void): Promise<unknown>
  /** runs alone under its advisory lock (a dead run's claim is taken over at once) */
  locked?: boolean
}

const noticeCtx = (db: Db, sender: FakeSender, afterClaim?: () => void): NoticeContext => ({
  db,
  senders: { wechat: sender },
  concurrency: 1,
  afterClaim,
})

async function writePolicyRow(db: Db, userId: string, enterpriseId: string, digest: boolean): Promise<void> {
  const policyId = await makePolicy(db)
  await db.query(
    `insert into outbox (purpose, dedupe_key, user_id, enterprise_id, channel, payload, run_date, template_id)
     values ('policy', $1, $2, $3, 'wechat', $4::jsonb, $5, $6)`,
    [
      `${policyId}:${enterpriseId}`,
      userId,
      enterpriseId,
      JSON.stringify({ policyId, verdict: 'eligible', digest }),
      RUN,
      TEMPLATE,
    ],
  )
}

const templates = { wechat: TEMPLATE, alipay: null }

function sealNotice(enterpriseId: string, report: boolean) {
  return {
    source: report ? `report:${enterpriseId}:2026-03` : `alert:${enterpriseId}:off-hours:${RUN}`,
    enterpriseId,
    title: report ? '用章报告' : '用章提醒',
    body: '正文',
    reportMonth: report ? ('2026-03' as const) : null,
    fieldValues: ['事项', '对象', '说明', '2026-04-14 10:00'] as [string, string, string, string],
  }
}

/** One annual report due on RUN for every enterprise the job sees. */
const annualReportPlanner: CompliancePlanner = {
  kind: 'annual-report',
  async plan(input) {
    return input.enterprises.map((enterprise) => ({
      item: {
        kind: 'annual-report' as const,
        enterpriseId: enterprise.id,
        sourceId: 'annual-report:2025',
        title: '2025年度年报',
        opensOn: '2026-01-01',
        dueDate: '2026-06-30',
        estimated: false,
        countsWorkingDays: false,
        reminders: [],
        legalBasis: '《企业信息公示暂行条例》第八条',
      },
      offsetKey: `on:${RUN}`,
    }))
  },
}

const PURPOSES: Purpose[] = [
  {
    purpose: 'licence-reminder',
    locked: true,
    async setup(db, _userId, enterpriseId) {
      await makeLicence(db, enterpriseId, { deadline: '2026-04-21' })
    },
    deliver: (db, sender, afterClaim) =>
      runReminders(
        {
          db,
          senders: { wechat: sender },
          templates: { weapp: TEMPLATE, alipay: 'tpl-none' },
          concurrency: 1,
          hooks: afterClaim ? { afterClaim } : undefined,
        },
        RUN,
      ),
  },
  {
    purpose: 'policy',
    setup: (db, userId, enterpriseId) => writePolicyRow(db, userId, enterpriseId, false),
    deliver: (db, sender, afterClaim) => deliverPolicyNotices(noticeCtx(db, sender, afterClaim), { digest: false }),
  },
  {
    purpose: 'policy (weekly digest)',
    setup: (db, userId, enterpriseId) => writePolicyRow(db, userId, enterpriseId, true),
    deliver: (db, sender, afterClaim) => deliverPolicyNotices(noticeCtx(db, sender, afterClaim), { digest: true }),
  },
  {
    purpose: 'complaint-progress',
    async setup(db, userId) {
      const step = await makeComplaintStep(db, userId)
      await db.transaction((tx) => recordComplaintNotices(tx, { ...step, userId }, templates))
    },
    deliver: (db, sender, afterClaim) => deliverComplaintNotices(noticeCtx(db, sender, afterClaim)),
  },
  {
    purpose: 'seal-report',
    async setup(db, _userId, enterpriseId) {
      await db.transaction((tx) => recordSealNotice(tx, sealNotice(enterpriseId, true), templates))
    },
    deliver: (db, sender, afterClaim) => deliverSealNotices(noticeCtx(db, sender, afterClaim)),
  },
  {
    purpose: 'seal-alert',
    async setup(db, _userId, enterpriseId) {
      await db.transaction((tx) => recordSealNotice(tx, sealNotice(enterpriseId, false), templates))
    },
    deliver: (db, sender, afterClaim) => deliverSealNotices(noticeCtx(db, sender, afterClaim)),
  },
  {
    purpose: 'compliance-reminder',
    locked: true,
    async setup() {
      // The planner finds the enterprise through the user's link.
    },
    deliver: (db, sender, afterClaim) =>
      runComplianceReminders(
        {
          db,
          senders: { wechat: sender },
          templates: { weapp: TEMPLATE, alipay: 'tpl-none' },
          clock: () => chinaNoon(RUN),
          concurrency: 1,
          planners: [annualReportPlanner],
          hooks: afterClaim ? { afterClaim } : undefined,
        },
        RUN,
      ),
  },
]

const killed = (): never => {
  throw new Error('killed')
}

let serial = 0

/** A fresh enterprise and WeChat user with the purpose's row; each purpose has a database of its own. */
async function freshUser(db: Db, purpose: Purpose) {
  const enterprise = await makeEnterprise(db)
  const openid = `o-outbox-${++serial}`
  const userId = await makeUser(db, { openid, links: [{ enterpriseId: enterprise.id }] })
  await subscribeWechat(db, userId)
  await purpose.setup(db, userId, enterprise.id)
  return { db, userId, openid }
}

async function platformRows(db: Db, userId: string) {
  const { rows } = await db.query<{ status: string; attempts: number }>(
    `select status, attempts from outbox where user_id = $1 and channel = 'wechat' order by id`,
    [userId],
  )
  return rows
}

describe.each(PURPOSES)('outbox purpose $purpose', (purpose) => {
  let testDb: TestDb
  beforeAll(async () => {
    testDb = await openTestDb({ seed: false })
  })
  afterAll(() => testDb.close())

  it('killed after the claim, then run again: sent once', async () => {
    const { db, userId, openid } = await freshUser(testDb.db, purpose)
    const dead = new FakeSender()
    await expect(purpose.deliver(db, dead, killed)).rejects.toThrow('killed')
    expect(dead.sent).toHaveLength(0)
    expect(await platformRows(db, userId)).toEqual([{ status: 'sending', attempts: 1 }])
    // Senders that may overlap a live one take a claim over once it is older than any send can
    // take (10 minutes): the dead claim is made that old rather than waiting.
    if (!purpose.locked) {
      const live = new FakeSender()
      await purpose.deliver(db, live)
      expect(live.sent).toHaveLength(0)
      await db.query(`update outbox set claimed_at = claimed_at - interval '11 minutes' where user_id = $1`, [userId])
    }
    const next = new FakeSender()
    await purpose.deliver(db, next)
    expect(next.sent.map((message) => message.toUser)).toEqual([openid])
    expect(await platformRows(db, userId)).toEqual([{ status: 'sent', attempts: 2 }])
    const again = new FakeSender()
    await purpose.deliver(db, again)
    expect(again.sent).toHaveLength(0)
  })

  it('twelve loops at once: sent once', async () => {
    const { db, userId } = await freshUser(testDb.db, purpose)
    const sender = new FakeSender()
    const runs = await Promise.allSettled(Array.from({ length: 12 }, () => purpose.deliver(db, sender)))
    // A job under its lock answers the eleven others LockBusyError; a sweep just finds nothing left.
    expect(runs.filter((run) => run.status === 'fulfilled').length).toBeGreaterThanOrEqual(1)
    for (const run of runs) if (run.status === 'rejected') expect(String(run.reason)).toMatch(/busy|lock/i)
    expect(sender.sent).toHaveLength(1)
    expect(await platformRows(db, userId)).toEqual([{ status: 'sent', attempts: 1 }])
  })
})

describe('a 合规提醒 in the inbox', () => {
  let testDb: TestDb
  beforeAll(async () => {
    testDb = await openTestDb({ seed: false })
  })
  afterAll(() => testDb.close())

  it('opens its item: the compliance detail page of the enterprise, key and day', async () => {
    const purpose = PURPOSES.find((p) => p.purpose === 'compliance-reminder') as Purpose
    const world = await freshUser(testDb.db, purpose)
    await purpose.deliver(world.db, new FakeSender())
    const inbox = await listInbox(world.db, world.userId)
    const message = inbox.items.find((m) => m.kind === 'compliance-reminder')
    expect(message?.link).toEqual({ kind: 'compliance-item', key: 'annual-report:2025', date: '2026-06-30' })
    // The same page and query as the platform message's deep link.
    const link = message?.link as { key: string; date: string }
    expect(complianceItemLink(message?.enterpriseId as string, link.key, link.date)).toBe(
      `packages/compliance/pages/detail/index?enterpriseId=${message?.enterpriseId}&key=annual-report%3A2025&date=2026-06-30`,
    )
  })
})
