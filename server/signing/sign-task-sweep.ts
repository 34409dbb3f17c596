import type { Queryable } from '../db/db'

/**
 * Open tasks past their deadline become 'expired' for good (their callbacks fall due). Until the
 * sweep runs, reads already show them as expired (statusOf), so the sweep only makes it final.
 */
export async function expireOverdueSignTasks(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `update sign_tasks set status = 'expired', finished_at = now(),
       callback_state = case when callback_url is null then null else 'pending' end, callback_next_at = now()
     where status in ('pending', 'scanned') and expires_at <= now()
     returning id`,
  )
  return rows.map((row) => row.id)
}
