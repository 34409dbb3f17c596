import { HOUR_MS, type Job } from '../../kernel/jobs/job'
import { DIGEST_LOCK_KEY, digestTick } from './jobs/policy-digest'

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
]
