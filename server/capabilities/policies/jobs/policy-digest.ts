import type { FastifyInstance } from 'fastify'
import { chinaDateOf, type IsoDate } from '../../../../src/domain/calendar/dates'
import { todayInChina } from '../../../kernel/http/today'
import { deliverAfterCommit } from '../../../kernel/notify/notice-context'
import { deliverPolicyNotices, policyTemplates } from '../policy-notices'
import { sendWeeklyDigest, type DigestReport } from '../policy-push'
import { withAdvisoryLock } from '../../../kernel/jobs/advisory-lock'
export interface PolicyDigestReport extends Omit<DigestReport, 'platformRows'> {
  /** digest subscribe messages (WeChat/Alipay) the platforms accepted */
  subscribeSent: number
}

/** The weekly 新政策 digest since `since`: inbox messages, then the digest's subscribe messages. */
export async function runPolicyDigest(app: FastifyInstance, since: Date): Promise<PolicyDigestReport> {
  const { platformRows, ...report } = await sendWeeklyDigest(app.db, todayInChina(app), since, {
    pushNear: app.config.policies.pushNear,
    templates: policyTemplates(app.config, app.messageSenders),
  })
  const tally = platformRows
    ? await deliverAfterCommit(app, 'policy digest', (ctx) => deliverPolicyNotices(ctx, { digest: true }))
    : null
  return { ...report, subscribeSent: tally?.sent ?? 0 }
}

const DAY_MS = 86_400_000
const CHINA_OFFSET_MS = 8 * 3_600_000
// Beside the migration lock (7_300_215) and the reminder job's (7_300_216).
export const DIGEST_LOCK_KEY = 7_300_217
/**
 * runPolicyDigest on demand (the admin route), under the lock of the hourly tick: one digest at a
 * time over every instance. Throws LockBusyError when a tick or another digest is under way.
 */
export function runPolicyDigestLocked(app: FastifyInstance, since: Date): Promise<PolicyDigestReport> {
  return withAdvisoryLock(app.db, DIGEST_LOCK_KEY, () => runPolicyDigest(app, since))
}

/** The instant this China week's Monday shows `time` ('HH:MM'), and that Monday's date. */
export function digestMomentOfWeek(nowMs: number, time: string): { weekStart: IsoDate; at: number } {
  const chinaDay = Math.floor((nowMs + CHINA_OFFSET_MS) / DAY_MS)
  // 1970-01-01 was a Thursday: (day + 3) % 7 counts days since Monday.
  const monday = chinaDay - ((chinaDay + 3) % 7)
  const [hours, minutes] = time.split(':').map(Number)
  const at = monday * DAY_MS - CHINA_OFFSET_MS + (hours * 60 + minutes) * 60_000
  return { weekStart: chinaDateOf(at), at }
}

/**
 * One tick of the scheduler (hourly): retries unsent digest messages, and runs this week's
 * digest once its Monday time has passed and it has not finished (a restart or a missed Monday
 * runs it late, never twice: policy_digest_runs has a row per week, and the delivery rows guard
 * every message). The window reaches back to the last finished run, a day of overlap included
 * (the rows make overlap harmless), 7 days when there is none, and at most 31 days.
 * Throws LockBusyError when another instance is in a tick.
 */
export async function digestTick(app: FastifyInstance, time: string): Promise<PolicyDigestReport | null> {
  return withAdvisoryLock(app.db, DIGEST_LOCK_KEY, async () => {
    await deliverPolicyNotices(app.ctx.outbox, { digest: true })
    const now = app.clock()
    const { weekStart, at } = digestMomentOfWeek(now, time)
    if (now < at) return null
    const { rows } = await app.db.query<{ finished: boolean; last: Date | null }>(
      `select exists (select 1 from policy_digest_runs where week_start = $1 and finished_at is not null) as finished,
         (select max(started_at) from policy_digest_runs where finished_at is not null) as last`,
      [weekStart],
    )
    if (rows[0].finished) return null
    const last = rows[0].last ? new Date(rows[0].last).getTime() - DAY_MS : now - 7 * DAY_MS
    const since = new Date(Math.max(last, now - 31 * DAY_MS))
    await app.db.query(
      `insert into policy_digest_runs (week_start, started_at) values ($1, $2)
       on conflict (week_start) do update set started_at = excluded.started_at, finished_at = null`,
      [weekStart, new Date(now).toISOString()],
    )
    const report = await runPolicyDigest(app, since)
    await app.db.query('update policy_digest_runs set finished_at = now(), report = $2 where week_start = $1', [
      weekStart,
      JSON.stringify(report),
    ])
    app.log.info({ weekStart, ...report }, 'policy weekly digest finished')
    return report
  })
}
