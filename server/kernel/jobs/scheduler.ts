import type { FastifyInstance } from 'fastify'
import { chinaDateOf, type IsoDate } from '../../../src/domain/calendar/dates'
import { LockBusyError } from './advisory-lock'
import type { Job } from './job'

const DAY_MS = 86_400_000
const CHINA_OFFSET_MS = 8 * 3_600_000

/** The next instant (ms) at which China's wall clock shows `time` ('HH:MM'), strictly after `nowMs`. */
export function nextRunAt(nowMs: number, time: string): number {
  const [hours, minutes] = time.split(':').map(Number)
  const chinaMidnight = Math.floor((nowMs + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS
  const today = chinaMidnight + (hours * 60 + minutes) * 60_000
  return today > nowMs ? today : today + DAY_MS
}

export interface RunningJob {
  readonly name: string
  stop(): Promise<void>
}

/**
 * Runs one job inside the server on its cadence. Every instance schedules it; the job's advisory
 * lock lets one run at a time (a LockBusyError is logged, not an error). A run still under way
 * when the next one falls due makes that one skipped. stop() clears the timer and waits for the
 * run under way.
 */
export function startJob(app: FastifyInstance, job: Job): RunningJob {
  const cadence = job.cadence(app.config)
  let timer: NodeJS.Timeout | null = null
  let running: Promise<void> | null = null
  let stopped = false

  const run = async (date: IsoDate) => {
    try {
      await job.run(app, { date })
    } catch (error) {
      if (error instanceof LockBusyError) {
        const message = `${job.name} skipped: another run holds the lock`
        if (job.quietWhenBusy) app.log.debug({ date }, message)
        else app.log.info({ date }, message)
      } else app.log.error({ err: error, date }, `${job.name} failed`)
    }
  }

  const runNow = (): Promise<void> => {
    if (running) return running
    const current = run(chinaDateOf(app.clock())).finally(() => {
      running = null
    })
    running = current
    return current
  }

  if (cadence.kind === 'every') {
    if (cadence.atStart) void runNow()
    timer = setInterval(() => void runNow(), cadence.ms)
    timer.unref()
  } else {
    const schedule = () => {
      if (stopped) return
      const delay = Math.max(0, nextRunAt(app.clock(), cadence.at) - app.clock())
      // setTimeout holds at most ~24.8 days; a day is far below that.
      timer = setTimeout(() => void runNow().finally(schedule), delay)
      timer.unref()
    }
    const catchUp = async () => {
      const now = app.clock()
      const date = chinaDateOf(now)
      // Today's time has passed when the next run is tomorrow's.
      if (chinaDateOf(nextRunAt(now, cadence.at)) === date) return
      if (!job.missed || (await job.missed(app, date))) await run(date)
    }
    running = catchUp()
      .catch((error: unknown) => app.log.error({ err: error }, `${job.name} catch-up failed`))
      .finally(() => {
        running = null
        schedule()
      })
  }

  return {
    name: job.name,
    async stop() {
      stopped = true
      if (timer) {
        clearTimeout(timer)
        clearInterval(timer)
      }
      await running
    },
  }
}
