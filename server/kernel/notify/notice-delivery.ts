import { randomUUID } from 'node:crypto'
import type { InboxKind } from '../../../src/domain/inbox/kinds'
import type { Db } from '../db/db'
import type { OutgoingMessage, MessageSender, SendOutcome } from './sender'
import { PLATFORM_OF, type MessageChannel } from './subscribe-templates'

/**
 * The one claim → send → settle loop of every platform message (WeChat subscribe, Alipay
 * template) of every purpose — licence reminders (../jobs/reminder-delivery.ts), 新政策 pushes and
 * digests, 诉求进展, 用章报告 / 用章提醒, 合规提醒 — on the one `outbox` table.
 * A row per message is written first; sending claims it ('sending', committed, one one-time
 * subscription taken), hands it to the platform, and records what the platform answered. A sent
 * row is never claimed again, so re-running sends nothing twice.
 *
 * The one reclaim rule: a row is claimable while 'pending' or 'failed', and while 'sending' once
 * its claim is older than the moment before which no live sender can have made it
 * (`claimedBefore`). For a job that runs alone under its advisory lock (the reminder run), that is
 * the run's own start: any older claim is a dead run's. Where senders overlap (a request sending
 * what it just committed, the hourly retries) it is now() − STALE_CLAIM, longer than any send can
 * take (3 tries × the provider timeout + backoff), so two live senders never both send a row.
 *
 * The duplicate window: the platform accepted the message and the process died before `sent` was
 * committed (milliseconds). Neither platform takes an idempotency key, so the next claim cannot
 * tell this from a call that never arrived and sends again — a rare duplicate rather than a lost
 * deadline. `attempts` > 1 on a sent row marks such a case.
 */

/**
 * The one table with the delivery columns (status, attempts, quota_taken, last_error, claimed_at,
 * sent_at): `outbox` (migrations 022, 024), every purpose on every channel. The parameter stays so
 * a call names the table it settles.
 */
export type NoticeTable = 'outbox'

export const STALE_CLAIM = "interval '10 minutes'"

/** The China calendar day of the transaction's now(): an outbox row's run_date when no run dates it. */
export const CHINA_TODAY_SQL = "((now() at time zone 'UTC') + interval '8 hours')::date"

/**
 * SQL condition of a row a run may claim (`alias`: the table's alias in the query, if any;
 * `claimedBefore`: the placeholder of a timestamptz parameter, null for now() − STALE_CLAIM).
 */
export function claimable(alias = '', claimedBefore?: string): string {
  const column = (name: string) => (alias ? `${alias}.${name}` : name)
  const since = claimedBefore
    ? `coalesce(${claimedBefore}::timestamptz, now() - ${STALE_CLAIM})`
    : `now() - ${STALE_CLAIM}`
  return `(${column('status')} in ('pending', 'failed')
    or (${column('status')} = 'sending' and ${column('claimed_at')} < ${since}))`
}

/** One platform message; a digest announces several rows with it (all of one user and channel). */
export interface NoticeGroup {
  ids: string[]
  userId: string
  channel: MessageChannel
  templateId: string
  /** the message to `toUser` (WeChat openid, Alipay user_id / open_id) */
  message: (toUser: string) => OutgoingMessage
  /** the recipient when the caller has read it already (undefined: looked up) */
  toUser?: string | null
  /** logged as a warning when the claim takes over an interrupted send */
  resumedWarning?: string
}

export interface NoticeContext {
  db: Db
  senders: Partial<Record<MessageChannel, MessageSender>>
  log?: { warn(object: object, message: string): void }
  /** platform sends in flight at once (default 4) */
  concurrency?: number
  /** after the rows are claimed, before the send; throwing ends the run there (tests: a crash) */
  afterClaim?: (ids: string[]) => void
  /** after each group's answer is recorded; throwing ends the run there */
  afterSettle?: () => void
  /** see the reclaim rule above (a timestamptz as text, to the microsecond); absent: now() − STALE_CLAIM */
  claimedBefore?: string
}

export interface NoticeTally {
  sent: number
  /** of `sent`, per channel */
  sentBy?: Record<MessageChannel, number>
  /** the platform or network failed: the rows stay 'failed' for a later run */
  failed: number
  /** no account, no subscription left, refused or rejected: never retried */
  undeliverable: number
}

export const emptyTally = (): NoticeTally => ({ sent: 0, failed: 0, undeliverable: 0 })

/** A tally that also counts what was sent per channel. */
export const talliedByChannel = (): NoticeTally => ({ ...emptyTally(), sentBy: { wechat: 0, alipay: 0 } })

async function skip(ctx: NoticeContext, table: NoticeTable, ids: string[], reason: string): Promise<void> {
  await ctx.db.query(
    `update ${table} set status = 'skipped', last_error = $2 where id = any($1::bigint[]) and ${claimable('', '$3')}`,
    [ids, reason, ctx.claimedBefore ?? null],
  )
}

/** Claims the rows and takes one subscription for them, unless a previous claim already took it. */
async function claim(
  ctx: NoticeContext,
  table: NoticeTable,
  group: NoticeGroup,
): Promise<'claimed' | 'gone' | 'no-subscription'> {
  return ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query<{ quota_taken: boolean }>(
      `update ${table} set status = 'sending', attempts = attempts + 1, claimed_at = now()
       where id = any($1::bigint[]) and ${claimable('', '$2')} returning quota_taken`,
      [group.ids, ctx.claimedBefore ?? null],
    )
    if (rows.length === 0) return 'gone'
    if (rows.some((row) => row.quota_taken)) return 'claimed'
    const taken = await tx.query(
      `update subscriptions set remaining = remaining - 1, updated_at = now()
       where user_id = $1 and platform = $2 and template_id = $3 and remaining > 0 returning remaining`,
      [group.userId, PLATFORM_OF[group.channel], group.templateId],
    )
    if (taken.rows.length === 0) {
      await tx.query(
        `update ${table} set status = 'skipped', last_error = 'no subscription left' where id = any($1::bigint[])`,
        [group.ids],
      )
      return 'no-subscription'
    }
    await tx.query(`update ${table} set quota_taken = true where id = any($1::bigint[]) and status = 'sending'`, [
      group.ids,
    ])
    return 'claimed'
  })
}

/** Records the answer; a subscription the platform did not use is given back (a refusal empties it). */
async function settle(db: Db, table: NoticeTable, group: NoticeGroup, outcome: SendOutcome): Promise<void> {
  await db.transaction(async (tx) => {
    if (outcome.status === 'sent') {
      await tx.query(
        `update ${table} set status = 'sent', sent_at = now(), last_error = null
         where id = any($1::bigint[]) and status = 'sending'`,
        [group.ids],
      )
      return
    }
    const giveBack = outcome.status !== 'refused'
    await tx.query(
      `update ${table} set status = $2, last_error = $3, quota_taken = quota_taken and not $4
       where id = any($1::bigint[]) and status = 'sending'`,
      [group.ids, outcome.status === 'failed' ? 'failed' : 'skipped', outcome.reason.slice(0, 500), giveBack],
    )
    await tx.query(
      `update subscriptions set updated_at = now(), remaining = case when $4 then remaining + 1 else 0 end
       where user_id = $1 and platform = $2 and template_id = $3`,
      [group.userId, PLATFORM_OF[group.channel], group.templateId, giveBack],
    )
  })
}

async function recipientOf(db: Db, userId: string, channel: MessageChannel): Promise<string | null> {
  const { rows } = await db.query<{ subject: string }>(
    'select subject from user_identities where user_id = $1 and platform = $2 order by created_at limit 1',
    [userId, PLATFORM_OF[channel]],
  )
  return rows[0]?.subject ?? null
}

async function deliverGroup(ctx: NoticeContext, table: NoticeTable, group: NoticeGroup, tally: NoticeTally) {
  const sender = ctx.senders[group.channel]
  const to = group.toUser !== undefined ? group.toUser : await recipientOf(ctx.db, group.userId, group.channel)
  if (!sender || !to) {
    await skip(ctx, table, group.ids, sender ? 'no platform account' : 'channel not configured')
    tally.undeliverable++
    return
  }
  const claimed = await claim(ctx, table, group)
  if (claimed === 'gone') return
  if (claimed === 'no-subscription') {
    tally.undeliverable++
    return
  }
  if (group.resumedWarning) ctx.log?.warn({ ids: group.ids, channel: group.channel }, group.resumedWarning)
  ctx.afterClaim?.(group.ids)
  const outcome = await sender.send(group.message(to))
  await settle(ctx.db, table, group, outcome)
  if (outcome.status === 'sent') {
    tally.sent++
    if (tally.sentBy) tally.sentBy[group.channel]++
  } else if (outcome.status === 'failed') {
    tally.failed++
    ctx.log?.warn({ table, ids: group.ids, reason: outcome.reason }, 'subscribe message failed; a later run retries')
  } else tally.undeliverable++
  ctx.afterSettle?.()
}

/** Sends each group once; a hook that throws stops the run, as a crash would. */
export async function deliverNoticeGroups(
  ctx: NoticeContext,
  table: NoticeTable,
  groups: NoticeGroup[],
  tally: NoticeTally = emptyTally(),
): Promise<NoticeTally> {
  let next = 0
  let crashed: unknown = null
  const worker = async () => {
    while (crashed === null && next < groups.length) {
      const group = groups[next++]
      try {
        await deliverGroup(ctx, table, group, tally)
      } catch (error) {
        crashed ??= error
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, ctx.concurrency ?? 4) }, worker))
  if (crashed !== null) throw crashed
  return tally
}

export function addTally(into: NoticeTally, more: NoticeTally): NoticeTally {
  into.sent += more.sent
  into.failed += more.failed
  into.undeliverable += more.undeliverable
  return into
}

/** One inbox message of an outbox row: written in the transaction that settles the row. */
export interface OutboxInboxMessage {
  /** the outbox row (channel 'inbox') */
  id: string
  userId: string
  enterpriseId: string | null
  kind: InboxKind
  title: string
  body: string
  /** what the inbox links to (inbox_messages has a column per kind of link) */
  licenceId?: string | null
  policyId?: string | null
  complaintId?: string | null
  /** a compliance deadline of the message's enterprise: its detail page (complianceItemLink) */
  complianceItem?: { key: string; date: string } | null
}

/**
 * The inbox channel of the outbox: the rows still claimable are marked sent and their messages
 * inserted in one transaction, so a row is in the inbox exactly once (inbox_messages.outbox_id is
 * unique besides) — there is no duplicate window on this channel. Returns how many were written.
 */
export async function deliverOutboxInbox(
  ctx: Pick<NoticeContext, 'db' | 'claimedBefore'>,
  messages: readonly OutboxInboxMessage[],
): Promise<number> {
  if (messages.length === 0) return 0
  return ctx.db.transaction(async (tx) => {
    const { rows: marked } = await tx.query<{ id: string }>(
      `update outbox set status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = null
       where id = any($1::bigint[]) and channel = 'inbox' and ${claimable('', '$2')} returning id::text as id`,
      [messages.map((m) => m.id), ctx.claimedBefore ?? null],
    )
    const markedIds = new Set(marked.map((row) => row.id))
    const write = messages.filter((m) => markedIds.has(m.id))
    if (write.length === 0) return 0
    await tx.query(
      `insert into inbox_messages (id, user_id, enterprise_id, kind, title, body, licence_id, policy_id, complaint_id,
         compliance_key, compliance_date, outbox_id)
       select t.id, t.user_id, t.enterprise_id, t.kind, t.title, t.body, t.licence_id, t.policy_id, t.complaint_id,
         t.compliance_key, t.compliance_date, t.outbox_id
       from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::text[],
         $9::uuid[], $10::text[], $11::date[], $12::bigint[])
         as t(id, user_id, enterprise_id, kind, title, body, licence_id, policy_id, complaint_id, compliance_key,
           compliance_date, outbox_id)
       on conflict (outbox_id) do nothing`,
      [
        write.map(() => randomUUID()),
        write.map((m) => m.userId),
        write.map((m) => m.enterpriseId),
        write.map((m) => m.kind),
        write.map((m) => m.title),
        write.map((m) => m.body),
        write.map((m) => m.licenceId ?? null),
        write.map((m) => m.policyId ?? null),
        write.map((m) => m.complaintId ?? null),
        write.map((m) => m.complianceItem?.key ?? null),
        write.map((m) => m.complianceItem?.date ?? null),
        write.map((m) => m.id),
      ],
    )
    return write.length
  })
}
