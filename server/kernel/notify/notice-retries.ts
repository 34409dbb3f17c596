import type { FastifyInstance } from 'fastify'
import { HOUR_MS, type Job } from '../jobs/job'
import { withAdvisoryLock } from '../jobs/advisory-lock'
import { addTally, emptyTally, type NoticeTally } from './notice-delivery'
import { definedNotices } from './notices'

// Beside the sign-task sweep's (7_300_218).
export const NOTICE_RETRY_LOCK_KEY = 7_300_219

/**
 * Messages a request sends after its commit and left unsent (a platform failure, a crash after the
 * commit) are sent again: every registered Notice with a `retry` (新政策 at publication, 诉求进展).
 * The kernel knows no capability: the Notices register themselves when their capability loads.
 */
export async function retryUnsentNotices(app: FastifyInstance): Promise<NoticeTally> {
  const ctx = app.ctx.outbox
  const tally = emptyTally()
  for (const notice of definedNotices()) {
    if (notice.retry) addTally(tally, await notice.retry(ctx))
  }
  return tally
}

/** The hourly job's run: one instance at a time (its advisory lock). */
export function retryUnsentNoticesLocked(app: FastifyInstance): Promise<NoticeTally> {
  return withAdvisoryLock(app.db, NOTICE_RETRY_LOCK_KEY, () => retryUnsentNotices(app))
}

/** The kernel's own job: the hourly retry of every Notice's unsent messages. */
export const NOTICE_RETRIES_JOB: Job = {
  name: 'notice-retries',
  summary: '重发未送达的订阅消息（新政策、诉求进展）',
  cadence: () => ({ kind: 'every', ms: HOUR_MS, atStart: true }),
  lockKey: NOTICE_RETRY_LOCK_KEY,
  // Ran inside the policy digest's tick before it had a name of its own: the same switch.
  enabled: (config) => config.policies.digestEnabled === true,
  run: (app) => retryUnsentNoticesLocked(app),
}
