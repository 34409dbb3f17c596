import type { FastifyInstance } from 'fastify'
import type { Db } from '../../kernel/db/db'
import { insertOutboxRows, type PlannedRow as KernelPlannedRow } from '../../kernel/notify/reminder-run'
import { isIsoDate, type IsoDate } from '../../../src/domain/calendar/dates'
import type { ComplianceKind } from '../../../src/domain/compliance/item'
import { planPlatformMessages } from '../../../src/domain/compliance/reminderQuota'
import { holderRolesOf } from '../../kernel/auth/action-holders'
import { withAdvisoryLock } from '../../kernel/jobs/advisory-lock'
import {
  claimable,
  deliverNoticeGroups,
  deliverOutboxInbox,
  talliedByChannel,
  type NoticeGroup,
} from '../../kernel/notify/notice-delivery'
import type { MessageSender } from '../../kernel/notify/sender'
import { PLATFORM_OF, type MessageChannel } from '../../kernel/notify/subscribe-templates'
import { itemStatesOf } from './compliance-repo'
import { COMPLIANCE_PLANNERS, type CompliancePlanner, type DueReminder } from './planners'
import type { PlannerEnterprise } from './planners/planner'
import {
  COMPLIANCE_REMINDER_NOTICE,
  moreUrgent,
  reminderInboxText,
  reminderPlatformMessage,
  urgencyDay,
  type ComplianceReminderPayload,
} from './reminder-notice'

/**
 * The compliance-reminders job (issue #14 item 10): each day, every planner's reminders due that
 * day become outbox rows — one per (item, offset, user, channel), written with ON CONFLICT DO
 * NOTHING, which is what makes a re-run harmless — and the rows not sent yet are sent through the
 * one delivery loop (../notify/notice-delivery.ts). The inbox gets every reminder. On WeChat and
 * Alipay a user with fewer one-time subscriptions left than reminders due gets ONE message naming
 * the most urgent and 「等N项」 (src/domain/compliance/reminderQuota.ts); the rows it covers are
 * settled with it (covered_by), never sent on their own.
 *
 * Kill-safe as the licence job: the run holds its advisory lock, so a claim older than the run's
 * start is a dead run's and is taken over (with a warning: the one duplicate window of the loop).
 * A day the job did not run is not caught up by the next day's run; the server starting after the
 * day's time runs that day (missed), and `npm run jobs -- compliance-reminders --date D` runs any day.
 */

export const COMPLIANCE_REMINDER_PURPOSE = COMPLIANCE_REMINDER_NOTICE.purpose

// Arbitrary constant beside the other jobs' (licence reminders: 7_300_216).
export const COMPLIANCE_REMINDER_LOCK_KEY = 7_300_222

/** Who may be reminded of an enterprise's deadlines: profile:read, never a grant-bound role (fail closed). */
const READER_ROLES = holderRolesOf('profile:read')

export interface ComplianceReminderHooks {
  /** after a platform group is claimed, before the send; throwing ends the run there (tests: a crash) */
  afterClaim?: (ids: string[]) => void
  /** after each platform group is settled; throwing ends the run there */
  afterSettle?: () => void
}

export interface ComplianceReminderContext {
  db: Db
  senders: Partial<Record<MessageChannel, MessageSender>>
  /** the compliance subscribe template per platform (config.complianceSubscribeTemplates) */
  templates: { weapp: string; alipay: string }
  /** the run's instant (complaint clocks); tests pin it */
  clock: () => number
  log?: { info(object: object, message: string): void; warn(object: object, message: string): void }
  concurrency?: number
  hooks?: ComplianceReminderHooks
  /** the planners (default: one per kind) */
  planners?: readonly CompliancePlanner[]
}

export interface ComplianceRunReport {
  date: IsoDate
  /** (item, offset, user) reminders due */
  due: number
  /** messages written or sent per channel by this run (a digest counts once) */
  delivered: Record<'inbox' | MessageChannel, number>
  /** platform messages that named the most urgent item and 「等N项」 */
  digests: number
  failed: number
  undeliverable: number
}

interface Recipient {
  userId: string
  enterpriseId: string
  disabled: Set<ComplianceKind>
  channels: MessageChannel[]
}

async function recipients(
  ctx: ComplianceReminderContext,
): Promise<{ list: Recipient[]; enterprises: PlannerEnterprise[] }> {
  const { rows } = await ctx.db.query<{
    user_id: string
    enterprise_id: string
    name: string
    founded_on: string | null
    wechat: boolean
    alipay: boolean
    weapp_remaining: number
    alipay_remaining: number
    disabled: ComplianceKind[] | null
  }>(
    `select ue.user_id, ue.enterprise_id, e.name, to_char(e.founded_on, 'YYYY-MM-DD') as founded_on,
       coalesce(rs.channel_wechat, true) as wechat, coalesce(rs.channel_alipay, true) as alipay,
       coalesce((select s.remaining from subscriptions s where s.user_id = ue.user_id and s.platform = 'weapp'
         and s.template_id = $2), 0) as weapp_remaining,
       coalesce((select s.remaining from subscriptions s where s.user_id = ue.user_id and s.platform = 'alipay'
         and s.template_id = $3), 0) as alipay_remaining,
       (select array_agg(c.kind) from compliance_reminder_settings c where c.user_id = ue.user_id and not c.enabled)
         as disabled
     from user_enterprises ue
     join users u on u.id = ue.user_id
     join enterprises e on e.id = ue.enterprise_id
     left join reminder_settings rs on rs.user_id = ue.user_id
     where u.consent_accepted and ue.role = any($1::text[])
     order by ue.enterprise_id, ue.user_id`,
    [READER_ROLES, ctx.templates.weapp, ctx.templates.alipay],
  )
  const enterprises = new Map<string, PlannerEnterprise>()
  const list = rows.map((row): Recipient => {
    enterprises.set(row.enterprise_id, {
      id: row.enterprise_id,
      name: row.name,
      foundedOn: row.founded_on ?? '1900-01-01',
    })
    const channels: MessageChannel[] = []
    if (ctx.senders.wechat && row.wechat && Number(row.weapp_remaining) > 0) channels.push('wechat')
    if (ctx.senders.alipay && row.alipay && Number(row.alipay_remaining) > 0) channels.push('alipay')
    return {
      userId: row.user_id,
      enterpriseId: row.enterprise_id,
      disabled: new Set(row.disabled ?? []),
      channels,
    }
  })
  return { list, enterprises: [...enterprises.values()] }
}

interface PlannedRow extends KernelPlannedRow {
  payload: ComplianceReminderPayload
}

function payloadOf(due: DueReminder, enterpriseName: string, date: IsoDate): ComplianceReminderPayload {
  const { item } = due
  const source: ComplianceReminderPayload['source'] =
    item.kind === 'policy-window'
      ? { type: 'policy', id: item.sourceId.slice('policy:'.length) }
      : item.kind === 'complaint'
        ? { type: 'complaint', id: item.sourceId.split(':')[1] }
        : { type: 'detail' }
  return {
    kind: item.kind,
    itemKey: item.sourceId,
    offsetKey: due.offsetKey,
    enterpriseId: item.enterpriseId,
    enterpriseName,
    title: item.title,
    dueDate: item.dueDate,
    opensOn: item.opensOn ?? null,
    remindOn: date,
    countsWorkingDays: item.countsWorkingDays,
    estimated: item.estimated,
    source,
  }
}

/** The outbox rows of the reminders due on `date`, and how many (item, offset, user) reminders that is. */
export async function planComplianceReminders(
  ctx: ComplianceReminderContext,
  date: IsoDate,
): Promise<{ due: number; rows: PlannedRow[] }> {
  const { list, enterprises } = await recipients(ctx)
  const readers = new Map<string, Set<string>>()
  const byEnterprise = new Map<string, Recipient[]>()
  for (const r of list) {
    readers.set(r.userId, (readers.get(r.userId) ?? new Set<string>()).add(r.enterpriseId))
    byEnterprise.set(r.enterpriseId, [...(byEnterprise.get(r.enterpriseId) ?? []), r])
  }
  const names = new Map(enterprises.map((e) => [e.id, e.name]))
  const input = {
    db: ctx.db,
    date,
    now: new Date(ctx.clock()),
    enterprises,
    readers,
    states: await itemStatesOf(
      ctx.db,
      enterprises.map((e) => e.id),
    ),
  }
  const rows: PlannedRow[] = []
  let due = 0
  for (const planner of ctx.planners ?? COMPLIANCE_PLANNERS) {
    for (const reminder of await planner.plan(input)) {
      const { item } = reminder
      const who = (byEnterprise.get(item.enterpriseId) ?? []).filter(
        (r) => (reminder.userId === undefined || r.userId === reminder.userId) && !r.disabled.has(item.kind),
      )
      const payload = payloadOf(reminder, names.get(item.enterpriseId) ?? '', date)
      const dedupeKey = `${item.sourceId}:${reminder.offsetKey}`
      for (const r of who) {
        due++
        for (const channel of ['inbox' as const, ...r.channels]) {
          rows.push({ dedupeKey, userId: r.userId, enterpriseId: item.enterpriseId, channel, payload })
        }
      }
    }
  }
  return { due, rows }
}

interface OutboxRow {
  id: string
  user_id: string
  enterprise_id: string | null
  channel: 'inbox' | MessageChannel
  payload: ComplianceReminderPayload
  status: 'pending' | 'sending' | 'failed'
  quota_taken: boolean
}

/** Sends the compliance reminders of `date` not sent yet. A hook that throws stops the run, as a crash would. */
export async function deliverComplianceReminders(
  ctx: ComplianceReminderContext,
  date: IsoDate,
): Promise<Omit<ComplianceRunReport, 'date' | 'due'>> {
  // Before this run claims anything; the lock says no other run is claiming. As text: a JS Date
  // would drop the microseconds the claims are compared at.
  const { rows: started } = await ctx.db.query<{ now: string }>('select now()::text as now')
  const claimedBefore = started[0].now
  const { rows } = await ctx.db.query<OutboxRow>(
    `select id::text as id, user_id, enterprise_id, channel, payload, status, quota_taken from outbox
     where purpose = $1 and run_date = $2::date and ${claimable('', '$3')} order by id`,
    [COMPLIANCE_REMINDER_PURPOSE, date, claimedBefore],
  )
  const report = { delivered: { inbox: 0, wechat: 0, alipay: 0 }, digests: 0, failed: 0, undeliverable: 0 }

  const inbox = rows.filter((row) => row.channel === 'inbox')
  for (let i = 0; i < inbox.length; i += 500) {
    report.delivered.inbox += await deliverOutboxInbox(
      { db: ctx.db, claimedBefore },
      inbox.slice(i, i + 500).map((row) => {
        const text = reminderInboxText(row.payload)
        return {
          id: row.id,
          userId: row.user_id,
          enterpriseId: row.enterprise_id,
          kind: COMPLIANCE_REMINDER_NOTICE.inboxKind,
          title: text.title,
          body: text.body,
          policyId: row.payload.source.type === 'policy' ? row.payload.source.id : null,
          complaintId: row.payload.source.type === 'complaint' ? row.payload.source.id : null,
          // 年报, 纳税申报, 信用修复: the item's own page (the same place the platform message opens).
          complianceItem:
            row.payload.source.type === 'detail' ? { key: row.payload.itemKey, date: urgencyDay(row.payload) } : null,
        }
      }),
    )
  }

  // Per (user, platform channel): the quota rule decides how many messages, and which rows each covers.
  const perRecipient = new Map<string, OutboxRow[]>()
  for (const row of rows) {
    if (row.channel === 'inbox') continue
    const key = `${row.user_id} ${row.channel}`
    perRecipient.set(key, [...(perRecipient.get(key) ?? []), row])
  }
  const groups: NoticeGroup[] = []
  // Every recipient's subscriptions left, in one query (the run holds the lock: nobody else takes them now).
  const { rows: left } = await ctx.db.query<{ user_id: string; platform: string; remaining: number }>(
    `select user_id, platform, remaining from subscriptions
     where user_id = any($1::uuid[]) and ((platform = 'weapp' and template_id = $2) or (platform = 'alipay' and template_id = $3))`,
    [[...new Set([...perRecipient.values()].map((due) => due[0].user_id))], ctx.templates.weapp, ctx.templates.alipay],
  )
  const remainingOf = new Map(left.map((row) => [`${row.user_id} ${row.platform}`, Number(row.remaining)]))
  for (const due of perRecipient.values()) {
    const { user_id: userId } = due[0]
    const channel = due[0].channel as MessageChannel
    const templateId = ctx.templates[PLATFORM_OF[channel]]
    // A row a dead run claimed holds its subscription already (quota_taken): it counts as one.
    const quota =
      (remainingOf.get(`${userId} ${PLATFORM_OF[channel]}`) ?? 0) + due.filter((row) => row.quota_taken).length
    const messages = planPlatformMessages(due, quota, (a, b) => moreUrgent(a.payload, b.payload))
    // No subscription at all: the claim finds none and settles the rows as skipped.
    const plan = messages.length > 0 ? messages : [{ lead: due[0], covered: due.slice(1) }]
    for (const { lead, covered } of plan) {
      if (covered.length > 0 && messages.length > 0) {
        report.digests++
        await ctx.db.query(`update outbox set covered_by = $1 where id = any($2::bigint[]) and status <> 'sent'`, [
          lead.id,
          covered.map((row) => row.id),
        ])
      }
      const resumed = [lead, ...covered].some((row) => row.status === 'sending')
      groups.push({
        ids: [lead.id, ...covered.map((row) => row.id)],
        userId,
        channel,
        templateId,
        resumedWarning: resumed ? 'resending a compliance reminder interrupted mid-send: may arrive twice' : undefined,
        message: (to) =>
          reminderPlatformMessage(
            lead.payload,
            covered.length,
            to,
            templateId,
            COMPLIANCE_REMINDER_NOTICE.fieldNames[channel],
          ),
      })
    }
  }
  const tally = await deliverNoticeGroups(
    {
      db: ctx.db,
      senders: ctx.senders,
      log: ctx.log,
      concurrency: ctx.concurrency,
      claimedBefore,
      afterClaim: ctx.hooks?.afterClaim,
      afterSettle: ctx.hooks?.afterSettle,
    },
    'outbox',
    groups,
    talliedByChannel(),
  )
  report.delivered.wechat = tally.sentBy?.wechat ?? 0
  report.delivered.alipay = tally.sentBy?.alipay ?? 0
  report.failed = tally.failed
  report.undeliverable = tally.undeliverable
  return report
}

/** Whether `date` has no finished run yet (the server starting after the day's time runs it then). */
export async function complianceRunMissed(app: { db: Db }, date: IsoDate): Promise<boolean> {
  const { rows } = await app.db.query<{ finished: boolean }>(
    'select finished_at is not null as finished from compliance_reminder_runs where run_date = $1',
    [date],
  )
  return !rows[0]?.finished
}

/**
 * The compliance reminders of `date` (China calendar day). Safe to run again for the same date,
 * after a crash or on purpose. Throws LockBusyError while a run holds the lock (here or elsewhere).
 */
export async function runComplianceReminders(
  ctx: ComplianceReminderContext,
  date: IsoDate,
): Promise<ComplianceRunReport> {
  if (!isIsoDate(date)) throw new RangeError(`Not a 'YYYY-MM-DD' date: ${date}`)
  return withAdvisoryLock(ctx.db, COMPLIANCE_REMINDER_LOCK_KEY, async () => {
    const started = Date.now()
    await ctx.db.query(
      `insert into compliance_reminder_runs (run_date, started_at) values ($1, now())
       on conflict (run_date) do update set started_at = now(), finished_at = null`,
      [date],
    )
    const plan = await planComplianceReminders(ctx, date)
    await insertOutboxRows(ctx.db, COMPLIANCE_REMINDER_PURPOSE, plan.rows, date)
    const report: ComplianceRunReport = { date, due: plan.due, ...(await deliverComplianceReminders(ctx, date)) }
    await ctx.db.query('update compliance_reminder_runs set finished_at = now(), report = $2 where run_date = $1', [
      date,
      JSON.stringify(report),
    ])
    ctx.log?.info({ ...report, ms: Date.now() - started }, 'compliance reminder run finished')
    return report
  })
}

/** The job's context from the built app (config, senders, clock, log). */
export function complianceJobOf(app: FastifyInstance): ComplianceReminderContext {
  return {
    db: app.db,
    senders: app.messageSenders,
    templates: app.config.complianceSubscribeTemplates,
    clock: app.clock,
    log: app.log,
  }
}
