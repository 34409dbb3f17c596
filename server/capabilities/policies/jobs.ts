import { HOUR_MS, type Job } from '../../kernel/jobs/job'
import { DIGEST_LOCK_KEY, NOTICE_RETRY_LOCK_KEY, digestTick, retryUnsentNoticesLocked } from './jobs/policy-digest'

/** The policies capability's jobs; server/jobs.ts lists every capability's in one registry. */
export const POLICIES_JOBS: readonly Job[] = [
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
]
