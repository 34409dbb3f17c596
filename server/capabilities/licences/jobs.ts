import type { Job } from '../../kernel/jobs/job'
import { pruneIdempotencyKeys } from '../../kernel/http/idempotency'
import { REMINDER_LOCK_KEY, reminderRunMissed, runReminders } from './jobs/reminders'

/** The licences capability's jobs; server/jobs.ts lists every capability's in one registry. */
export const LICENCES_JOBS: readonly Job[] = [
  {
    name: 'licence-reminders',
    summary: '证照续期提醒：当日到期的提醒写入并发送（站内信、微信、支付宝）',
    cadence: (config) => ({ kind: 'daily', at: config.reminders.time }),
    lockKey: REMINDER_LOCK_KEY,
    enabled: (config) => config.reminders.enabled,
    async run(app, { date }) {
      const report = await runReminders(app.reminderJob, date)
      await pruneIdempotencyKeys(app.db)
      return report
    },
    missed: reminderRunMissed,
  },
]
