import type { Db, Queryable } from '../../../kernel/db/db'
import { withAdvisoryLock } from '../../../kernel/jobs/advisory-lock'
import { sqlInstant } from '../../../kernel/db/sql-instant'

/**
 * Open tasks past their deadline (at `now`, the app clock) become 'expired' for good (their callbacks fall due). Until the
 * sweep runs, reads already show them as expired (statusOf), so the sweep only makes it final.
 * The UPDATE claims each task: when two sweeps race, PostgreSQL re-checks the status of a row the
 * other just changed, so each task is expired (and its callback made due) by one of them.
 */
export async function expireOverdueSignTasks(db: Queryable, now: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `update sign_tasks set status = 'expired', finished_at = now(),
       callback_state = case when callback_url is null then null else 'pending' end, callback_next_at = now()
     where status in ('pending', 'scanned', 'awaiting_second') and expires_at <= ${sqlInstant(now)}
     returning id`,
  )
  return rows.map((row) => row.id)
}

// Beside the migration lock (7_300_215), the reminder job's (7_300_216) and the digest's (7_300_217).
export const SWEEP_LOCK_KEY = 7_300_218

export interface SignTaskSweepReport {
  /** tasks this sweep expired */
  expired: number
}

/**
 * One sweep: expire overdue tasks, then attempt every callback that is due (each attempt leases its
 * row first: ./sign-task-callbacks.ts). Under an advisory lock, so one instance sweeps at a time;
 * throws LockBusyError when another sweep (here or on another instance) is under way.
 */
export function sweepSignTasks(db: Db, now: number, deliverDue: () => Promise<void>): Promise<SignTaskSweepReport> {
  return withAdvisoryLock(db, SWEEP_LOCK_KEY, async () => {
    const expired = await expireOverdueSignTasks(db, now)
    await deliverDue()
    return { expired: expired.length }
  })
}
