import type { Job } from '../../kernel/jobs/job'
import {
  COMPLIANCE_REMINDER_LOCK_KEY,
  complianceJobOf,
  complianceRunMissed,
  runComplianceReminders,
} from './reminder-job'

/** The compliance capability's jobs; server/jobs.ts lists every capability's in one registry. */
export const COMPLIANCE_JOBS: readonly Job[] = [
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
