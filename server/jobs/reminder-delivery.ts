import { randomUUID } from 'node:crypto'
import type { ReminderChannel } from '../contract-licences'
import type { Db, Queryable } from '../db/db'
import type { IsoDate } from '../../src/domain/calendar/dates'
import { recordType, type CityCatalogue } from '../licences/catalogue-store'
import type { ReminderSender, SendOutcome } from '../notify/sender'
import {
  ALIPAY_FIELD_NAMES,
  WECHAT_FIELD_NAMES,
  platformMessage,
  reminderText,
  type ReminderFacts,
} from './reminder-message'

/**
 * Sending the delivery rows of a date that are not sent yet.
 *
 * Why a re-run never sends twice, except in one window: a row is `sent` only after the channel
 * took the message. Inbox: the message is inserted in the same transaction that marks the row
 * sent (and inbox_messages.delivery_id is unique), so there is no window at all. WeChat/Alipay
 * take no idempotency key, so a row is first claimed (`sending`, committed), then handed to the
 * platform, then marked by what it answered. A run killed before the platform call leaves
 * `pending`/`sending` and the next run sends it, once. The one window: the platform accepted the
 * message and the process died before `sent` was committed (milliseconds): the next run cannot
 * tell this from a call that never arrived, finds the row still `sending`, and sends again — we
 * prefer a rare duplicate to a missed licence deadline. `attempts` > 1 on a sent row marks such a
 * case, and the resend is logged.
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
  senders: Partial<Record<'wechat' | 'alipay', ReminderSender>>
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

async function pendingRows(db: Queryable, date: IsoDate): Promise<PendingRow[]> {
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
     where d.run_date = $1::date and d.status in ('pending', 'sending', 'failed')
     order by d.id`,
    [date],
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
         select t.id, t.user_id, t.enterprise_id, 'licence-reminder', t.title, t.body, t.licence_id, t.delivery_id
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
        ],
      )
      return messages.length
    })
    tally.delivered.inbox += sent
    ctx.hooks?.afterSettle?.(settled())
  }
}

type Platform = 'wechat' | 'alipay'
const SUBSCRIBE_PLATFORM: Record<Platform, 'weapp' | 'alipay'> = { wechat: 'weapp', alipay: 'alipay' }

/** Claims the row and takes one subscription for it; false when there is none left (row skipped). */
async function claim(db: Db, row: PendingRow, templateId: string): Promise<'claimed' | 'gone' | 'no-subscription'> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ quota_taken: boolean }>(
      `update reminder_deliveries set status = 'sending', attempts = attempts + 1
       where id = $1 and status in ('pending', 'sending', 'failed') returning quota_taken`,
      [row.id],
    )
    if (!rows[0]) return 'gone'
    if (rows[0].quota_taken) return 'claimed'
    const taken = await tx.query(
      `update subscriptions set remaining = remaining - 1, updated_at = now()
       where user_id = $1 and platform = $2 and template_id = $3 and remaining > 0 returning remaining`,
      [row.user_id, SUBSCRIBE_PLATFORM[row.channel as Platform], templateId],
    )
    if (taken.rows.length === 0) {
      await tx.query(
        `update reminder_deliveries set status = 'skipped', last_error = 'no subscription left' where id = $1`,
        [row.id],
      )
      return 'no-subscription'
    }
    await tx.query('update reminder_deliveries set quota_taken = true where id = $1', [row.id])
    return 'claimed'
  })
}

/** Records what the platform answered; a subscription the platform did not use is given back. */
async function settle(db: Db, row: PendingRow, templateId: string, outcome: SendOutcome): Promise<void> {
  const platform = SUBSCRIBE_PLATFORM[row.channel as Platform]
  await db.transaction(async (tx) => {
    if (outcome.status === 'sent') {
      await tx.query(
        `update reminder_deliveries set status = 'sent', sent_at = now(), last_error = null where id = $1`,
        [row.id],
      )
      return
    }
    const status = outcome.status === 'failed' ? 'failed' : 'skipped'
    const giveBack = outcome.status !== 'refused'
    await tx.query(
      `update reminder_deliveries set status = $2, last_error = $3, quota_taken = quota_taken and not $4 where id = $1`,
      [row.id, status, outcome.reason.slice(0, 500), giveBack],
    )
    await tx.query(
      `update subscriptions set updated_at = now(),
         remaining = case when $4 then remaining + 1 else 0 end
       where user_id = $1 and platform = $2 and template_id = $3`,
      [row.user_id, platform, templateId, giveBack],
    )
  })
}

async function deliverPlatform(
  ctx: DeliveryContext,
  row: PendingRow,
  tally: DeliveryTally,
  settled: () => number,
): Promise<void> {
  const channel = row.channel as Platform
  const sender = ctx.senders[channel]
  const to = channel === 'wechat' ? row.openid : row.alipay_user
  const templateId = ctx.templates[SUBSCRIBE_PLATFORM[channel]]
  if (!sender || !to) {
    await ctx.db.query(`update reminder_deliveries set status = 'skipped', last_error = $2 where id = $1`, [
      row.id,
      sender ? 'no platform account' : 'channel not configured',
    ])
    tally.undeliverable++
    return
  }
  const claimed = await claim(ctx.db, row, templateId)
  if (claimed === 'gone') return
  if (claimed === 'no-subscription') {
    tally.undeliverable++
    return
  }
  if (row.status === 'sending') {
    ctx.log?.warn({ deliveryId: row.id, channel }, 'resending a reminder interrupted mid-send: may arrive twice')
  }
  ctx.hooks?.afterClaim?.(row.id)
  const message = platformMessage(
    factsOf(row, ctx.catalogue),
    to,
    templateId,
    channel === 'wechat' ? WECHAT_FIELD_NAMES : ALIPAY_FIELD_NAMES,
  )
  const outcome = await sender.send(message)
  await settle(ctx.db, row, templateId, outcome)
  if (outcome.status === 'sent') tally.delivered[channel]++
  else if (outcome.status === 'failed') tally.failed++
  else tally.undeliverable++
  ctx.hooks?.afterSettle?.(settled())
}

/** Sends every unsent delivery of `date`. A hook that throws stops the run, as a crash would. */
export async function deliverPending(ctx: DeliveryContext, date: IsoDate): Promise<DeliveryTally> {
  const tally: DeliveryTally = { delivered: { inbox: 0, wechat: 0, alipay: 0 }, failed: 0, undeliverable: 0 }
  const settled = () =>
    tally.delivered.inbox + tally.delivered.wechat + tally.delivered.alipay + tally.failed + tally.undeliverable
  const rows = await pendingRows(ctx.db, date)
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
  const queue = live.filter((row) => row.channel !== 'inbox')
  let next = 0
  let crashed: unknown = null
  const worker = async () => {
    while (crashed === null && next < queue.length) {
      const row = queue[next++]
      try {
        await deliverPlatform(ctx, row, tally, settled)
      } catch (error) {
        crashed ??= error
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, ctx.concurrency ?? 4) }, worker))
  if (crashed !== null) throw crashed
  return tally
}
