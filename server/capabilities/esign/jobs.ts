import { HOUR_MS, type Job } from '../../kernel/jobs/job'
import { withAdvisoryLock } from '../../kernel/jobs/advisory-lock'
import { planGrantExpiryNotices, sendGrantExpiryNotices } from './seals/grant-expiry'
import { SEAL_REPORT_LOCK_KEY, sealReportJobOf, sealReportTick } from './jobs/seal-reports'
import { SWEEP_LOCK_KEY } from './signing/sign-task-sweep'

/** How often the sign-task sweep runs when SIGN_TASK_SWEEP_ENABLED (default on outside tests). */
export const SWEEP_INTERVAL_MS = 30_000

/** The esign capability's jobs; server/jobs.ts lists every capability's in one registry. */
export const SIGN_TASK_SWEEP_JOB: Job = {
  name: 'sign-task-sweep',
  summary: '签署任务到期处理，并投递到期的回调',
  cadence: () => ({ kind: 'every', ms: SWEEP_INTERVAL_MS, atStart: false }),
  lockKey: SWEEP_LOCK_KEY,
  enabled: (config) => config.signing.sweepEnabled,
  run: (app) => app.signing.sweep(),
  quietWhenBusy: true,
}

export const SEAL_REPORTS_JOB: Job = {
  name: 'seal-reports',
  summary: '月度用章报告：每月 1 日 09:00（北京时间）起生成上月报告并发送，重发未送达的用章通知',
  cadence: () => ({ kind: 'every', ms: HOUR_MS, atStart: true }),
  lockKey: SEAL_REPORT_LOCK_KEY,
  // Ticked with the daily jobs before it had a name of its own: the same switch.
  enabled: (config) => config.reminders.enabled,
  run: (app) => sealReportTick(sealReportJobOf(app)),
}

// Beside the compliance reminders' (7_300_222).
export const GRANT_EXPIRY_LOCK_KEY = 7_300_224

/**
 * 授权到期提醒 (issue #15 item 9): inbox notices 7 days before a seal grant's last day, idempotent
 * per grant, person and end date — so a re-run, or a start after the time (no `missed`: the run is
 * cheap and writes nothing twice), sends nothing new. It rode inside the licence reminder run
 * before the capabilities were cut apart; it keeps that run's time and switch.
 */
export const GRANT_EXPIRY_JOB: Job = {
  name: 'seal-grant-expiry',
  summary: '印章授权到期提醒：到期前 7 天告知经办人与法定代表人（站内信）',
  cadence: (config) => ({ kind: 'daily', at: config.reminders.time }),
  lockKey: GRANT_EXPIRY_LOCK_KEY,
  enabled: (config) => config.reminders.enabled,
  run: (app, { date }) =>
    withAdvisoryLock(app.db, GRANT_EXPIRY_LOCK_KEY, async () => ({
      notices: await sendGrantExpiryNotices(app.db, await planGrantExpiryNotices(app.db, date, app.clock())),
    })),
}

export const ESIGN_JOBS: readonly Job[] = [SIGN_TASK_SWEEP_JOB, SEAL_REPORTS_JOB, GRANT_EXPIRY_JOB]
