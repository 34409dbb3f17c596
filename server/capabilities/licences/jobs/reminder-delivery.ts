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
import { deliverOutboxInbox } from '../../../kernel/notify/notice-delivery'
import { LICENCE_REMINDER_NOTICE, platformMessage, reminderText, type ReminderFacts } from './reminder-message'

/**
 * Sending the licence reminders (outbox rows of purpose 'licence-reminder') of a date that are not
 * sent yet, through the one loop of ../notify/notice-delivery.ts: the inbox channel is settled in
 * the transaction that writes its message (deliverOutboxInbox: no window at all), WeChat/Alipay by
 * claim → send → settle (deliverNoticeGroups), which states the reclaim rule and the one duplicate
 * window. The run holds the reminder lock, so a claim older than the run's start is a dead run's
 * and is taken over at once (with a warning: it may arrive twice).
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
    `select d.id::text as id, d.payload ->> 'licenceId' as licence_id, d.payload ->> 'offsetKey' as offset_key,
       d.user_id, d.channel, d.payload ->> 'deadline' as deadline, d.status, d.quota_taken,
       l.enterprise_id, e.name as enterprise_name, l.type_code, l.number,
       l.renewal_started_on is not null as renewing,
       -- A renewal under way still hears of its deadline day and expiry day (see dueReminders).
       (l.deleted_at is not null
         or (l.renewal_started_on is not null and d.payload ->> 'offsetKey' not in ('d0', 'expiry'))
         or (l.cancelled_on is not null and l.cancelled_on <= $1::date)) as withdrawn,
       (select i.subject from user_identities i where i.user_id = d.user_id and i.platform = 'weapp'
         order by i.created_at limit 1) as openid,
       (select i.subject from user_identities i where i.user_id = d.user_id and i.platform = 'alipay'
         order by i.created_at limit 1) as alipay_user
     from outbox d
     join licences l on l.id = (d.payload ->> 'licenceId')::uuid
     join enterprises e on e.id = l.enterprise_id
     where d.purpose = $3 and d.run_date = $1::date and ${claimable('d', '$2')}
     order by d.id`,
    [date, runStart, LICENCE_REMINDER_NOTICE.purpose],
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

async function deliverInbox(
  ctx: DeliveryContext,
  rows: PendingRow[],
  runStart: string,
  tally: DeliveryTally,
  settled: () => number,
) {
  const size = ctx.inboxBatchSize ?? 500
  for (let i = 0; i < rows.length; i += size) {
    const batch = rows.slice(i, i + size)
    tally.delivered.inbox += await deliverOutboxInbox(
      { db: ctx.db, claimedBefore: runStart },
      batch.map((row) => {
        const text = reminderText(factsOf(row, ctx.catalogue))
        return {
          id: row.id,
          userId: row.user_id,
          enterpriseId: row.enterprise_id,
          kind: LICENCE_REMINDER_NOTICE.inboxKind,
          title: text.title,
          body: text.body,
          licenceId: row.licence_id,
        }
      }),
    )
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
      `update outbox set status = 'skipped', last_error = 'licence no longer due'
       where id = any($1::bigint[]) and ${claimable('', '$2')}`,
      [withdrawn.map((row) => row.id), runStart],
    )
    tally.undeliverable += withdrawn.length
  }
  const live = rows.filter((row) => !row.withdrawn)
  await deliverInbox(
    ctx,
    live.filter((row) => row.channel === 'inbox'),
    runStart,
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
    'outbox',
    live.filter((row) => row.channel !== 'inbox').map((row) => platformGroup(ctx, row)),
    platformTally,
  )
  tally.delivered.wechat += platformTally.sentBy?.wechat ?? 0
  tally.delivered.alipay += platformTally.sentBy?.alipay ?? 0
  tally.failed += platformTally.failed
  tally.undeliverable += platformTally.undeliverable
  return tally
}
