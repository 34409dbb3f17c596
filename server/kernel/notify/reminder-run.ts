import type { FastifyInstance } from 'fastify'
import type { EnterpriseAction } from '../../../src/domain/access/permissions'
import { isIsoDate, type IsoDate } from '../../../src/domain/calendar/dates'
import { actionHolders } from '../auth/action-holders'
import type { Config } from '../config'
import type { Db } from '../db/db'
import { withAdvisoryLock } from '../jobs/advisory-lock'
import type { Job } from '../jobs/job'
import {
  claimable,
  deliverNoticeGroups,
  deliverOutboxInbox,
  talliedByChannel,
  type NoticeGroup,
  type OutboxInboxMessage,
} from './notice-delivery'
import { defineNotice, noticeTemplateId, type Notice } from './notices'
import type { MessageSender } from './sender'
import type { MessageChannel } from './subscribe-templates'

/**
 * The reminder kit (issue #13 item 6: "adding a reminder kind = one planner + one Notice"). A kind
 * is a `ReminderNotice` (its text, platform fields, deep link, subscribe purpose) and a planner
 * `(db, date) => DueItem[]`; `runReminderKind` does the rest, the same for every kind:
 *
 * - recipients: per item, the holders of its enterprise action (../auth/action-holders.ts: consent
 *   accepted, the role allowed by the permission table, never grant-bound), narrowed to the item's
 *   `userIds` when it names some;
 * - rows: one outbox row per (item, user, channel) — the inbox always; WeChat / Alipay where the
 *   platform's sender is configured, the user has the channel on (reminder_settings) and a
 *   subscription of the Notice's template left — written with ON CONFLICT DO NOTHING on
 *   (purpose, dedupe_key, user_id, channel): the row is the idempotency guard;
 * - delivery: the date's rows not sent yet, the inbox ones through deliverOutboxInbox, the platform
 *   ones through the one claim → send → settle loop (deliverNoticeGroups), one message per row;
 * - under the kind's advisory lock, so the run's start is the reclaim line: a claim older than it
 *   is a dead run's and is taken over (the loop's one duplicate window, logged).
 *
 * Not for a kind that folds several reminders into one platform message (the compliance reminders'
 * 「等N项」 digest, the licence digest) or lets a user switch off one kind: those keep their own job.
 */

/** One reminder due on the run's date: who gets it, under which key, saying what. */
export interface DueItem<P> {
  enterpriseId: string
  /** only these of the enterprise's holders (the one a complaint is from, …); absent: every holder */
  userIds?: readonly string[]
  /** the same on every run that finds this reminder due (e.g. `${enterpriseId}:2026:wd-3`) */
  dedupeKey: string
  payload: P
  /** the enterprise action whose holders are reminded (src/domain/access/permissions.ts) */
  action: EnterpriseAction
}

export type ReminderPlanner<P> = (db: Db, date: IsoDate) => Promise<readonly DueItem<P>[]>

/**
 * What the inbox message says and where it links (inbox_messages has a column per kind of link: a
 * link field added to OutboxInboxMessage is here as well).
 */
export type ReminderInbox = Omit<OutboxInboxMessage, 'id' | 'userId' | 'enterpriseId' | 'kind'>

/** A Notice a reminder kind's rows are rendered with: the Notice, plus its text. */
export interface ReminderNotice<P> extends Notice<P> {
  inbox: (payload: P) => ReminderInbox
  /** the platform message's values, in the order of `fieldNames` (ignored when `subscribe` is null) */
  platformValues: (payload: P) => readonly string[]
}

/** Registers the notice (as defineNotice: once per purpose) and returns it. */
export function defineReminderNotice<P>(notice: ReminderNotice<P>): ReminderNotice<P> {
  defineNotice(notice)
  return notice
}

export interface ReminderKind<P> {
  /** the job's name (`npm run jobs -- <name>`) */
  name: string
  /** what it does, for `npm run jobs` */
  summary: string
  notice: ReminderNotice<P>
  /** its own advisory lock key, beside the other jobs' */
  lockKey: number
  plan: ReminderPlanner<P>
  /** whether the server runs it by itself (default: the reminders' switch, REMINDERS_ENABLED) */
  enabled?: (config: Config) => boolean
}

export interface ReminderRunContext {
  db: Db
  senders: Partial<Record<MessageChannel, MessageSender>>
  /** where the Notice's template ids come from (its `subscribe` purpose) */
  config: Config
  log?: { info(object: object, message: string): void; warn(object: object, message: string): void }
  concurrency?: number
  /** after a platform row is claimed, before the send; throwing ends the run there (tests: a crash) */
  afterClaim?: (ids: string[]) => void
}

export interface ReminderRunReport {
  date: IsoDate
  /** (item, user) reminders due */
  due: number
  /** messages written or sent per channel by this run */
  delivered: Record<'inbox' | MessageChannel, number>
  failed: number
  undeliverable: number
}

/** One message to write: to one user, on one channel (the outbox's unique key with the purpose). */
export interface PlannedRow {
  dedupeKey: string
  userId: string
  enterpriseId: string
  channel: 'inbox' | MessageChannel
  payload: unknown
}

const INSERT_BATCH = 2000
const INBOX_BATCH = 500

/** The platform channels each user can be sent the notice on (sender configured, channel on, a subscription left). */
async function channelsOf(
  ctx: ReminderRunContext,
  notice: { subscribe: Notice<never>['subscribe'] },
  userIds: readonly string[],
): Promise<Map<string, MessageChannel[]>> {
  const weapp = noticeTemplateId(ctx.config, notice, 'wechat')
  const alipay = noticeTemplateId(ctx.config, notice, 'alipay')
  const channels = new Map<string, MessageChannel[]>()
  if (userIds.length === 0 || weapp === null || alipay === null) return channels
  const { rows } = await ctx.db.query<{ user_id: string; wechat: boolean; alipay: boolean }>(
    `select u.id as user_id,
       coalesce(rs.channel_wechat, true) and exists (select 1 from subscriptions s where s.user_id = u.id
         and s.platform = 'weapp' and s.template_id = $2 and s.remaining > 0) as wechat,
       coalesce(rs.channel_alipay, true) and exists (select 1 from subscriptions s where s.user_id = u.id
         and s.platform = 'alipay' and s.template_id = $3 and s.remaining > 0) as alipay
     from users u left join reminder_settings rs on rs.user_id = u.id
     where u.id = any($1::uuid[])`,
    [[...new Set(userIds)], weapp, alipay],
  )
  for (const row of rows) {
    const list: MessageChannel[] = []
    if (ctx.senders.wechat && row.wechat) list.push('wechat')
    if (ctx.senders.alipay && row.alipay) list.push('alipay')
    channels.set(row.user_id, list)
  }
  return channels
}

/** The outbox rows of the items due, and how many (item, user) reminders that is. */
async function planRows<P>(
  ctx: ReminderRunContext,
  kind: ReminderKind<P>,
  date: IsoDate,
): Promise<{ due: number; rows: PlannedRow[] }> {
  const items = await kind.plan(ctx.db, date)
  const holders = new Map<string, string[]>()
  for (const action of new Set(items.map((item) => item.action))) {
    const enterpriseIds = items.filter((item) => item.action === action).map((item) => item.enterpriseId)
    for (const h of await actionHolders(ctx.db, action, enterpriseIds)) {
      const key = `${action} ${h.enterpriseId}`
      holders.set(key, [...(holders.get(key) ?? []), h.userId])
    }
  }
  const recipients = items.map((item) => {
    const all = holders.get(`${item.action} ${item.enterpriseId}`) ?? []
    return item.userIds ? all.filter((id) => item.userIds?.includes(id)) : all
  })
  const channels = await channelsOf(ctx, kind.notice, [...new Set(recipients.flat())])
  const rows: PlannedRow[] = []
  let due = 0
  items.forEach((item, i) => {
    for (const userId of recipients[i]) {
      due++
      for (const channel of ['inbox' as const, ...(channels.get(userId) ?? [])]) {
        rows.push({
          dedupeKey: item.dedupeKey,
          userId,
          enterpriseId: item.enterpriseId,
          channel,
          payload: item.payload,
        })
      }
    }
  })
  return { due, rows }
}

/**
 * Writes a purpose's rows before anything is sent; a row that exists (an earlier run) is left as it
 * is (`on conflict do nothing`: the row is the idempotency guard). Shared with the 合规提醒 job.
 */
export async function insertOutboxRows(
  db: Db,
  purpose: string,
  rows: readonly PlannedRow[],
  date: IsoDate,
): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const batch = rows.slice(i, i + INSERT_BATCH)
    await db.query(
      `insert into outbox (purpose, dedupe_key, user_id, enterprise_id, channel, payload, run_date)
       select $1, t.dedupe_key, t.user_id, t.enterprise_id, t.channel, t.payload::jsonb, $7::date
       from unnest($2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[])
         as t(dedupe_key, user_id, enterprise_id, channel, payload)
       on conflict (purpose, dedupe_key, user_id, channel) do nothing`,
      [
        purpose,
        batch.map((r) => r.dedupeKey),
        batch.map((r) => r.userId),
        batch.map((r) => r.enterpriseId),
        batch.map((r) => r.channel),
        batch.map((r) => JSON.stringify(r.payload)),
        date,
      ],
    )
  }
}

interface OutboxRow<P> {
  id: string
  user_id: string
  enterprise_id: string | null
  channel: 'inbox' | MessageChannel
  payload: P
  status: 'pending' | 'sending' | 'failed'
}

/**
 * The reminders of `kind` due on `date` (China calendar day): planned, written, sent. Safe to run
 * again for the same date, after a crash or on purpose: nothing is sent twice. Throws
 * LockBusyError while another run of the kind holds its lock.
 */
export async function runReminderKind<P>(
  ctx: ReminderRunContext,
  kind: ReminderKind<P>,
  date: IsoDate,
): Promise<ReminderRunReport> {
  if (!isIsoDate(date)) throw new RangeError(`Not a 'YYYY-MM-DD' date: ${date}`)
  const { notice } = kind
  return withAdvisoryLock(ctx.db, kind.lockKey, async () => {
    const started = Date.now()
    // Before this run claims anything; under the lock, an older claim is a dead run's. As text: a
    // JS Date would drop the microseconds the claims are compared at.
    const { rows: now } = await ctx.db.query<{ now: string }>('select now()::text as now')
    const claimedBefore = now[0].now
    const plan = await planRows(ctx, kind, date)
    await insertOutboxRows(ctx.db, notice.purpose, plan.rows, date)
    const { rows } = await ctx.db.query<OutboxRow<P>>(
      `select id::text as id, user_id, enterprise_id, channel, payload, status from outbox
       where purpose = $1 and run_date = $2::date and ${claimable('', '$3')} order by id`,
      [notice.purpose, date, claimedBefore],
    )
    const report: ReminderRunReport = {
      date,
      due: plan.due,
      delivered: { inbox: 0, wechat: 0, alipay: 0 },
      failed: 0,
      undeliverable: 0,
    }
    const inbox = rows.filter((row) => row.channel === 'inbox')
    for (let i = 0; i < inbox.length; i += INBOX_BATCH) {
      report.delivered.inbox += await deliverOutboxInbox(
        { db: ctx.db, claimedBefore },
        inbox.slice(i, i + INBOX_BATCH).map((row) => ({
          id: row.id,
          userId: row.user_id,
          enterpriseId: row.enterprise_id,
          kind: notice.inboxKind,
          ...notice.inbox(row.payload),
        })),
      )
    }
    const groups: NoticeGroup[] = []
    for (const row of rows) {
      if (row.channel === 'inbox') continue
      const channel = row.channel
      const templateId = noticeTemplateId(ctx.config, notice, channel)
      if (templateId === null) continue
      const names = notice.fieldNames[channel]
      groups.push({
        ids: [row.id],
        userId: row.user_id,
        channel,
        templateId,
        resumedWarning:
          row.status === 'sending'
            ? `resending a ${notice.purpose} message interrupted mid-send: may arrive twice`
            : undefined,
        message: (toUser) => {
          const values = notice.platformValues(row.payload)
          return {
            toUser,
            templateId,
            page: notice.link(row.payload) ?? '',
            fields: names.map((name, i) => ({ name, value: values[i] ?? '' })),
          }
        },
      })
    }
    const tally = await deliverNoticeGroups(
      {
        db: ctx.db,
        senders: ctx.senders,
        log: ctx.log,
        concurrency: ctx.concurrency,
        claimedBefore,
        afterClaim: ctx.afterClaim,
      },
      'outbox',
      groups,
      talliedByChannel(),
    )
    report.delivered.wechat = tally.sentBy?.wechat ?? 0
    report.delivered.alipay = tally.sentBy?.alipay ?? 0
    report.failed = tally.failed
    report.undeliverable = tally.undeliverable
    ctx.log?.info({ ...report, ms: Date.now() - started }, `${kind.name} run finished`)
    return report
  })
}

/** The run's context from the built app (db, senders, config, log). */
export function reminderRunOf(app: FastifyInstance): ReminderRunContext {
  return { db: app.db, senders: app.messageSenders, config: app.config, log: app.log }
}

/**
 * The kind as a Job: daily at REMINDER_TIME, under its lock, on the reminders' switch unless the
 * kind has its own. A start after the day's time runs the day (`missed` is always true: the run
 * is idempotent, and cheap when nothing is due). A kind's job entry in its capability's jobs.ts is
 * then `reminderJob(KIND)`.
 */
export function reminderJob<P>(kind: ReminderKind<P>): Job {
  return {
    name: kind.name,
    summary: kind.summary,
    cadence: (config) => ({ kind: 'daily', at: config.reminders.time }),
    lockKey: kind.lockKey,
    enabled: kind.enabled ?? ((config) => config.reminders.enabled),
    run: (app, { date }) => runReminderKind(reminderRunOf(app), kind, date),
    missed: async () => true,
  }
}
