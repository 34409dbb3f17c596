import type { FastifyInstance } from 'fastify'
import {
  COMPLIANCE_REMINDER_LOCK_KEY,
  complianceJobOf,
  complianceRunMissed,
  runComplianceReminders,
} from '../../capabilities/compliance/reminder-job'
import { pruneIdempotencyKeys } from '../http/idempotency'
import { SWEEP_LOCK_KEY } from '../../capabilities/esign/signing/sign-task-sweep'
import {
  DIGEST_LOCK_KEY,
  NOTICE_RETRY_LOCK_KEY,
  digestTick,
  retryUnsentNoticesLocked,
} from '../../capabilities/policies/jobs/policy-digest'
import { REMINDER_LOCK_KEY, reminderRunMissed, runReminders } from '../../capabilities/licences/jobs/reminders'
import { SEAL_REPORT_LOCK_KEY, sealReportJobOf, sealReportTick } from '../../capabilities/esign/jobs/seal-reports'
import type { Job } from './job'
import { startJob, type RunningJob } from './scheduler'

export type { Job, JobContext, Cadence } from './job'

/**
 * Every job the server runs by itself, in one list: app.ts starts the enabled ones (nothing else
 * starts a timer), and `npm run jobs -- <name> --date YYYY-MM-DD` runs one once.
 */

const HOUR_MS = 3_600_000

/** How often the sign-task sweep runs when SIGN_TASK_SWEEP_ENABLED (default on outside tests). */
export const SWEEP_INTERVAL_MS = 30_000

export const JOBS: readonly Job[] = [
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
  {
    name: 'policy-digest',
    summary: '新政策周报：每周一的推送（站内信与订阅消息），错过的一周补发一次',
    cadence: () => ({ kind: 'every', ms: HOUR_MS, atStart: true }),
    lockKey: DIGEST_LOCK_KEY,
    enabled: (config) => config.policies.digestEnabled === true,
    run: (app) => digestTick(app, app.config.policies.digestTime ?? '09:00'),
  },
  {
    name: 'notice-retries',
    summary: '重发未送达的订阅消息（新政策、诉求进展）',
    cadence: () => ({ kind: 'every', ms: HOUR_MS, atStart: true }),
    lockKey: NOTICE_RETRY_LOCK_KEY,
    // Ran inside the digest's tick before it had a name of its own: the same switch.
    enabled: (config) => config.policies.digestEnabled === true,
    run: (app) => retryUnsentNoticesLocked(app),
  },
  {
    name: 'sign-task-sweep',
    summary: '签署任务到期处理，并投递到期的回调',
    cadence: () => ({ kind: 'every', ms: SWEEP_INTERVAL_MS, atStart: false }),
    lockKey: SWEEP_LOCK_KEY,
    enabled: (config) => config.signing.sweepEnabled,
    run: (app) => app.signing.sweep(),
    quietWhenBusy: true,
  },
  {
    name: 'seal-reports',
    summary: '月度用章报告：每月 1 日 09:00（北京时间）起生成上月报告并发送，重发未送达的用章通知',
    cadence: () => ({ kind: 'every', ms: HOUR_MS, atStart: true }),
    lockKey: SEAL_REPORT_LOCK_KEY,
    // Ticked with the daily jobs before it had a name of its own: the same switch.
    enabled: (config) => config.reminders.enabled,
    run: (app) => sealReportTick(sealReportJobOf(app)),
  },
  {
    name: 'compliance-reminders',
    summary: '合规提醒：年报、纳税申报、信用修复、政策申报、诉求期限当日到期的提醒（站内信、微信、支付宝）',
    cadence: (config) => ({ kind: 'daily', at: config.reminders.time }),
    lockKey: COMPLIANCE_REMINDER_LOCK_KEY,
    enabled: (config) => config.complianceReminders.enabled,
    run: (app, { date }) => runComplianceReminders(complianceJobOf(app), date),
    missed: complianceRunMissed,
  },
]

export function findJob(name: string, jobs: readonly Job[] = JOBS): Job | undefined {
  return jobs.find((job) => job.name === name)
}

/**
 * Starts the enabled jobs when the app is ready and stops them (waiting for runs under way) when
 * it closes. The one place the server's timers are started.
 */
export function registerJobs(app: FastifyInstance, jobs: readonly Job[] = JOBS): void {
  const keys = new Set(jobs.map((job) => job.lockKey))
  const names = new Set(jobs.map((job) => job.name))
  if (keys.size !== jobs.length || names.size !== jobs.length) {
    throw new Error('job names and advisory-lock keys must be unique')
  }
  let running: RunningJob[] = []
  app.addHook('onReady', async () => {
    running = jobs.filter((job) => job.enabled(app.config)).map((job) => startJob(app, job))
  })
  app.addHook('onClose', async () => {
    await Promise.all(running.map((job) => job.stop()))
    running = []
  })
}
