import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../../kernel/db/db'
import { addDays, chinaDateOf, type IsoDate } from '../../../../src/domain/calendar/dates'

/**
 * 授权到期提醒 (issue #15 item 9): an inbox notice to the handler and to the legal
 * representatives, GRANT_EXPIRY_NOTICE_DAYS calendar days before a grant's last day (the licence
 * reminders count calendar days too), once per grant, person and end date. A grant past its date
 * already gives nothing (liveGrant compares valid_until with the app clock): this only says so in advance.
 * One planner and one delivery call, so the job can move to a shared outbox as it is.
 */

export const GRANT_EXPIRY_NOTICE_DAYS = 7

export interface GrantExpiryNotice {
  grantId: string
  userId: string
  enterpriseId: string
  /** The grant's last China calendar day. */
  lastDay: IsoDate
  title: string
  body: string
}

/** The start of a China calendar day, as an instant. */
function chinaDayStart(date: IsoDate): Date {
  return new Date(`${date}T00:00:00+08:00`)
}

/**
 * The notices due on `date`: grants live at `now` (the app clock's ms, as liveGrant decides) whose
 * last day is within the next `days` days (today included).
 */
export async function planGrantExpiryNotices(
  db: Queryable,
  date: IsoDate,
  now: number,
  days = GRANT_EXPIRY_NOTICE_DAYS,
): Promise<GrantExpiryNotice[]> {
  const { rows } = await db.query<{
    grant_id: string
    enterprise_id: string
    enterprise_name: string
    grantee_user_id: string
    grantee_name: string | null
    valid_until: Date
    seal_names: string
    rep_ids: string[] | null
  }>(
    `select g.id as grant_id, g.enterprise_id, e.name as enterprise_name, g.grantee_user_id, u.name as grantee_name,
       g.valid_until,
       (select string_agg(s.name, '、' order by s.type) from seal_grant_seals gs join seals s on s.id = gs.seal_id
         where gs.grant_id = g.id) as seal_names,
       (select array_agg(l.user_id) from user_enterprises l
         where l.enterprise_id = g.enterprise_id and l.role = 'legal_representative') as rep_ids
     from seal_grants g join enterprises e on e.id = g.enterprise_id join users u on u.id = g.grantee_user_id
     where g.accepted_at is not null and g.revoked_at is null and g.valid_until > $1 and g.valid_until <= $2
       and g.valid_until > $3`,
    [chinaDayStart(date), chinaDayStart(addDays(date, days + 1)), new Date(now)],
  )
  return rows.flatMap((row) => {
    const lastDay = chinaDateOf(new Date(row.valid_until).getTime() - 1)
    const seals = row.seal_names ?? '印章'
    const toGrantee: GrantExpiryNotice = {
      grantId: row.grant_id,
      userId: row.grantee_user_id,
      enterpriseId: row.enterprise_id,
      lastDay,
      title: '印章使用授权即将到期',
      body: `${row.enterprise_name} 授权您使用的 ${seals} 将于 ${lastDay} 到期，到期后无法再用章。如需继续使用，请联系企业法定代表人重新授权。`,
    }
    const toReps = (row.rep_ids ?? [])
      .filter((id) => id !== row.grantee_user_id)
      .map((userId) => ({
        ...toGrantee,
        userId,
        title: '经办人印章授权即将到期',
        body: `${row.grantee_name ?? '经办人'}使用 ${seals} 的授权将于 ${lastDay} 到期，到期后自动失效。如需延续，请在「印章授权」中重新授权。`,
      }))
    return [toGrantee, ...toReps]
  })
}

/**
 * Writes each notice unless it was written before (the guard row and the inbox message in one
 * statement, so a re-run, or two instances at once, add nothing). Returns how many were new.
 */
export async function sendGrantExpiryNotices(db: Queryable, notices: GrantExpiryNotice[]): Promise<number> {
  let sent = 0
  for (const notice of notices) {
    const { rows } = await db.query(
      `with marked as (
         insert into grant_expiry_notices (grant_id, user_id, valid_until) values ($1, $2, $3::date)
         on conflict do nothing returning grant_id
       )
       insert into inbox_messages (id, user_id, enterprise_id, kind, title, body)
       select $4, $2, $5, 'system', $6, $7 from marked returning id`,
      [notice.grantId, notice.userId, notice.lastDay, randomUUID(), notice.enterpriseId, notice.title, notice.body],
    )
    sent += rows.length
  }
  return sent
}
