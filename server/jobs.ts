import { ESIGN_JOBS } from './capabilities/esign/jobs'
import { COMPLIANCE_JOBS } from './capabilities/compliance/jobs'
import { LICENCES_JOBS } from './capabilities/licences/jobs'
import { POLICIES_JOBS } from './capabilities/policies/jobs'
import { findJob as findIn, type Job } from './kernel/jobs/registry'
import { NOTICE_RETRIES_JOB } from './kernel/notify/notice-retries'

/**
 * Every job the server runs by itself, in one list (composition: each capability exports its own
 * from its `jobs.ts`; the kernel's registry takes the list and knows no capability). app.ts starts
 * the enabled ones (nothing else starts a timer), and `npm run jobs -- <name> --date YYYY-MM-DD`
 * (scripts/jobs.ts) runs one once.
 */
export const JOBS: readonly Job[] = [
  ...LICENCES_JOBS,
  ...POLICIES_JOBS,
  // the kernel's own: every Notice's unsent messages again, hourly (listed where it always was)
  NOTICE_RETRIES_JOB,
  ...ESIGN_JOBS,
  ...COMPLIANCE_JOBS,
]

export function findJob(name: string): Job | undefined {
  return findIn(name, JOBS)
}
