import { HOUR_MS, type Job } from '../../kernel/jobs/job'
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

export const ESIGN_JOBS: readonly Job[] = [SIGN_TASK_SWEEP_JOB, SEAL_REPORTS_JOB]
