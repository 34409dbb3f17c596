import { randomUUID } from 'node:crypto'
import type { ReminderChannel } from '../../../../src/contract/account/schemas'
import type { Db, Queryable } from '../../../kernel/db/db'
import type { IsoDate } from '../../../../src/domain/calendar/dates'
import { recordType, type CityCatalogue } from '../catalogue-store'
import {
  claimable,
  deliverNoticeGroups,
  talliedByChannel,
  type NoticeGroup,
} from '../../../kernel/notify/notice-delivery'
import type { MessageSender } from '../../../kernel/notify/sender'
import { PLATFORM_OF } from '../../../kernel/notify/subscribe-templates'
import { LICENCE_REMINDER_NOTICE, platformMessage, reminderText, type ReminderFacts } from './reminder-message'

/**
 * Sending the delivery rows of a date that are not sent yet.
 *
 * Inbox: the message is inserted in the same transaction that marks the row sent (and
 * inbox_messages.delivery_id is unique), so there is no window at all. WeChat/Alipay go through
 * the one claim → send → settle loop (../notify/notice-delivery.ts), which states the reclaim rule
 * and the one duplicate window. The run holds the reminder lock, so a claim older than the run's
 * start is a dead run's and is taken over at once (with a warning: it may arrive twice).
 */

export interface DeliveryHooks {
  /** after a platform row is claimed, before the send; throwing ends the run there (tests: a crash) */
  afterClaim?: (deliveryId: string) => void
  /** after each delivery is settled (an inbox batch counts its rows); throwing ends the run */
  afterSettle?: (settledSoFar: number) => void
}

export interface DeliveryContext {
  db: Db
  catalogue: CityCatalogue
  senders: Partial<Record<'wechat' | 'alipay', MessageSender>>
  templates: { weapp: string; alipay: string }
  log?: { warn(object: object, message: string): void }
  /** platform sends in flight at once (default 4) */
  concurrency?: number
  /** inbox messages written per transaction (default 500) */
  inboxBatchSize?: number
  hooks?: DeliveryHooks
}

export interface DeliveryTally {
  delivered: Record<ReminderChannel, number>
  failed: number
  undeliverable: number
}

interface PendingRow {
  id: string
  licence_id: string
  offset_key: string
  user_id: string
  channel: ReminderChannel
  deadline: string
  status: 'pending' | 'sending' | 'failed'
  quota_taken: boolean
  enterprise_id: string
  enterprise_name: string
  type_code: string
  number: string
  renewing: boolean
  withdrawn: boolean
  openid: string | null
  alipay_user: string | null
}

async function pendingRows(db: Queryable, date: IsoDate, runStart: string): Promise<PendingRow[]> {
  const { rows } = await db.query<PendingRow>(
    `select d.id::text as id, d.licence_id, d.offset_key, d.user_id, d.channel,
       to_char(d.deadline, 'YYYY-MM-DD') as deadline, d.status, d.quota_taken,
       l.enterprise_id, e.name as enterprise_name, l.type_code, l.number,
       l.renewal_started_on is not null as renewing,
       -- A renewal under way still hears of its deadline day and expiry day (see dueReminders).
       (l.deleted_at is not null
         or (l.renewal_started_on is not null and d.offset_key not in ('d0', 'expiry'))
         or (l.cancelled_on is not null and l.cancelled_on <= $1::date)) as withdrawn,
       (select i.subject from user_identities i where i.user_id = d.user_id and i.platform = 'weapp'
         order by i.created_at limit 1) as openid,
       (select i.subject from user_identities i where i.user_id = d.user_id and i.platform = 'alipay'
         order by i.created_at limit 1) as alipay_user
     from reminder_deliveries d
     join licences l on l.id = d.licence_id
     join enterprises e on e.id = l.enterprise_id
     where d.run_date = $1::date and ${claimable('d', '$2')}
     order by d.id`,
    [date, runStart],
  )
  return rows
}

function factsOf(row: PendingRow, catalogue: CityCatalogue): ReminderFacts {
  return {
    licenceId: row.licence_id,
    enterpriseName: row.enterprise_name,
    typeName: recordType(catalogue, row.type_code).name,
    number: row.number,
    offsetKey: row.offset_key,
    deadline: row.deadline,
    renewing: row.renewing,
  }
}

async function deliverInbox(ctx: DeliveryContext, rows: PendingRow[], tally: DeliveryTally, settled: () => number) {
  const size = ctx.inboxBatchSize ?? 500
  for (let i = 0; i < rows.length; i += size) {
    const batch = rows.slice(i, i + size)
    const sent = await ctx.db.transaction(async (tx) => {
      const { rows: marked } = await tx.query<{ id: string }>(
        `update reminder_deliveries set status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = null
         where id = any($1::bigint[]) and status <> 'sent' returning id::text as id`,
        [batch.map((row) => row.id)],
      )
      const markedIds = new Set(marked.map((row) => row.id))
      const messages = batch.filter((row) => markedIds.has(row.id))
      const texts = messages.map((row) => reminderText(factsOf(row, ctx.catalogue)))
      await tx.query(
        `insert into inbox_messages (id, user_id, enterprise_id, kind, title, body, licence_id, delivery_id)
         select t.id, t.user_id, t.enterprise_id, $8::text, t.title, t.body, t.licence_id, t.delivery_id
         from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::uuid[], $7::bigint[])
           as t(id, user_id, enterprise_id, title, body, licence_id, delivery_id)
         on conflict (delivery_id) do nothing`,
        [
          messages.map(() => randomUUID()),
          messages.map((row) => row.user_id),
          messages.map((row) => row.enterprise_id),
          texts.map((text) => text.title),
          texts.map((text) => text.body),
          messages.map((row) => row.licence_id),
          messages.map((row) => row.id),
          LICENCE_REMINDER_NOTICE.inboxKind,
        ],
      )
      return messages.length
    })
    tally.delivered.inbox += sent
    ctx.hooks?.afterSettle?.(settled())
  }
}

type Platform = 'wechat' | 'alipay'

function platformGroup(ctx: DeliveryContext, row: PendingRow): NoticeGroup {
  const channel = row.channel as Platform
  const templateId = ctx.templates[PLATFORM_OF[channel]]
  return {
    ids: [row.id],
    userId: row.user_id,
    channel,
    templateId,
    toUser: channel === 'wechat' ? row.openid : row.alipay_user,
    resumedWarning:
      row.status === 'sending' ? 'resending a reminder interrupted mid-send: may arrive twice' : undefined,
    message: (to) =>
      platformMessage(factsOf(row, ctx.catalogue), to, templateId, LICENCE_REMINDER_NOTICE.fieldNames[channel]),
  }
}

/** Sends every unsent delivery of `date`. A hook that throws stops the run, as a crash would. */
export async function deliverPending(ctx: DeliveryContext, date: IsoDate): Promise<DeliveryTally> {
  const tally: DeliveryTally = { delivered: { inbox: 0, wechat: 0, alipay: 0 }, failed: 0, undeliverable: 0 }
  const platformTally = talliedByChannel()
  const settled = () =>
    tally.delivered.inbox +
    tally.failed +
    tally.undeliverable +
    platformTally.sent +
    platformTally.failed +
    platformTally.undeliverable
  // Before this run claims anything; the lock says no other run is claiming (see the header).
  // As text: a JS Date would drop the microseconds the claims are compared at.
  const { rows: started } = await ctx.db.query<{ now: string }>('select now()::text as now')
  const runStart = started[0].now
  const rows = await pendingRows(ctx.db, date, runStart)
  // The holder has acted (renewal started, licence cancelled or deleted) since the rows were made.
  const withdrawn = rows.filter((row) => row.withdrawn)
  if (withdrawn.length > 0) {
    await ctx.db.query(
      `update reminder_deliveries set status = 'skipped', last_error = 'licence no longer due'
       where id = any($1::bigint[]) and status <> 'sent'`,
      [withdrawn.map((row) => row.id)],
    )
    tally.undeliverable += withdrawn.length
  }
  const live = rows.filter((row) => !row.withdrawn)
  await deliverInbox(
    ctx,
    live.filter((row) => row.channel === 'inbox'),
    tally,
    settled,
  )
  await deliverNoticeGroups(
    {
      db: ctx.db,
      senders: ctx.senders,
      log: ctx.log,
      concurrency: ctx.concurrency,
      claimedBefore: runStart,
      afterClaim: ctx.hooks?.afterClaim ? (ids) => ctx.hooks?.afterClaim?.(ids[0]) : undefined,
      afterSettle: ctx.hooks?.afterSettle ? () => ctx.hooks?.afterSettle?.(settled()) : undefined,
    },
    'reminder_deliveries',
    live.filter((row) => row.channel !== 'inbox').map((row) => platformGroup(ctx, row)),
    platformTally,
  )
  tally.delivered.wechat += platformTally.sentBy?.wechat ?? 0
  tally.delivered.alipay += platformTally.sentBy?.alipay ?? 0
  tally.failed += platformTally.failed
  tally.undeliverable += platformTally.undeliverable
  return tally
}
