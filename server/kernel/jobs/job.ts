import type { FastifyInstance } from 'fastify'
import type { Config } from '../config'
import type { IsoDate } from '../../../src/domain/calendar/dates'

/** What a job is; each capability lists its own in its `jobs.ts`, server/jobs.ts lists them all. */

export const HOUR_MS = 3_600_000

export type Cadence =
  /** daily at 'HH:MM' China time; on start, a day whose time has passed is run if `missed` says so */
  | { kind: 'daily'; at: string }
  /** every `ms`, and at once on start when `atStart` */
  | { kind: 'every'; ms: number; atStart: boolean }

/** The built app: db, config, clock, log and the services the jobs use (reminderJob, signing). */
export type JobContext = FastifyInstance

export interface Job {
  name: string
  /** what it does, for `npm run jobs` without a name */
  summary: string
  cadence: (config: Config) => Cadence
  /** PostgreSQL advisory lock the run holds: one run at a time over every instance */
  lockKey: number
  /** whether the server runs it by itself (defaults: on outside tests) */
  enabled(config: Config): boolean
  /** One run, for `date` (China calendar day); throws LockBusyError while another run holds the lock. */
  run(ctx: JobContext, options: { date: IsoDate }): Promise<unknown>
  /** daily jobs: whether `date`'s run is still to do when the server starts after its time */
  missed?(ctx: JobContext, date: IsoDate): Promise<boolean>
  /** a busy lock is ordinary for this job (frequent ticks): logged at debug */
  quietWhenBusy?: boolean
}
