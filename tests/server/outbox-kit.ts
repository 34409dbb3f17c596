import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../server/kernel/db/db'

/** Fixtures of the outbox suites: the facts a purpose's delivery reads (a policy, a complaint step). */

export const TEMPLATE = 'tpl-outbox'

/** A published policy with what its messages read (title, issuer, benefit). */
export async function makePolicy(db: Queryable, id = `outbox-policy-${randomUUID().slice(0, 8)}`): Promise<string> {
  const body = { id, title: `政策${id.slice(-4)}`, issuer: '许昌市工业和信息化局', benefit: { text: '最高补贴10万元' } }
  await db.query(`insert into policies (id, status, body, published_at) values ($1, 'published', $2::jsonb, now())`, [
    id,
    JSON.stringify(body),
  ])
  return id
}

/** A real-name complaint of `userId` with one step; returns the complaint and the step's timeline id. */
export async function makeComplaintStep(
  db: Queryable,
  userId: string,
): Promise<{ complaintId: string; eventId: string }> {
  const complaintId = randomUUID()
  await db.query(
    `insert into complaints (id, user_id, idempotency_key, request_hash, anonymous, title, description, state, case_data,
       time_limit_working_days, call_back_working_days, rectify_working_days)
     values ($1, $2, $3, 'h', false, '门前道路积水', '雨后积水', 'accepted', '{}'::jsonb, 5, 1, 15)`,
    [complaintId, userId, randomUUID()],
  )
  const entry = {
    at: '2026-04-14T02:00:00.000Z',
    actor: 'staff',
    step: 'accept',
    from: 'submitted',
    to: 'accepted',
    title: '已受理',
    note: null,
    rating: null,
  }
  const { rows } = await db.query<{ id: string }>(
    `insert into complaint_timeline (complaint_id, entry) values ($1, $2::jsonb) returning id::text as id`,
    [complaintId, JSON.stringify(entry)],
  )
  return { complaintId, eventId: rows[0].id }
}

/** `count` accepted one-time subscriptions of TEMPLATE on WeChat. */
export async function subscribeWechat(db: Queryable, userId: string, count = 5): Promise<void> {
  await db.query(
    `insert into subscriptions (user_id, platform, template_id, result, remaining) values ($1, 'weapp', $2, 'accept', $3)
     on conflict (user_id, platform, template_id) do update set remaining = excluded.remaining`,
    [userId, TEMPLATE, count],
  )
}
