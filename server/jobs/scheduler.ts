import { chinaDateOf, type IsoDate } from '../../src/domain/calendar/dates'
import { pruneIdempotencyKeys } from '../http/idempotency'
import { LockBusyError, runReminders, type ReminderJobContext } from './reminders'

const DAY_MS = 86_400_000
const CHINA_OFFSET_MS = 8 * 3_600_000

/** The next instant (ms) at which China's wall clock shows `time` ('HH:MM'), strictly after `nowMs`. */
export function nextRunAt(nowMs: number, time: string): number {
  const [hours, minutes] = time.split(':').map(Number)
  const chinaMidnight = Math.floor((nowMs + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS
  const today = chinaMidnight + (hours * 60 + minutes) * 60_000
  return today > nowMs ? today : today + DAY_MS
}

export interface ReminderScheduler {
  stop(): Promise<void>
}

/**
 * The daily run inside the server, at `time` China time. Every instance schedules it; the
 * advisory lock lets one run and the delivery rows make a second run of the day harmless.
 * On start, a day whose time has passed without a finished run is run at once.
 */
export function startReminderScheduler(options: {
  job: ReminderJobContext
  time: string
  clock: () => number
  log: { info(object: object, message: string): void; error(object: object, message: string): void }
}): ReminderScheduler {
  const { job, time, clock, log } = options
  let timer: NodeJS.Timeout | null = null
  let running: Promise<void> = Promise.resolve()
  let stopped = false

  const run = async (date: IsoDate) => {
    try {
      await runReminders(job, date)
      await pruneIdempotencyKeys(job.db)
    } catch (error) {
      if (error instanceof LockBusyError) log.info({ date }, 'reminder run skipped: another run holds the lock')
      else log.error({ err: error, date }, 'reminder run failed')
    }
  }

  const schedule = () => {
    if (stopped) return
    const delay = Math.max(0, nextRunAt(clock(), time) - clock())
    // setTimeout holds at most ~24.8 days; a day is far below that.
    timer = setTimeout(() => {
      running = run(chinaDateOf(clock())).finally(schedule)
    }, delay)
    timer.unref()
  }

  const catchUp = async () => {
    const now = clock()
    const date = chinaDateOf(now)
    // Today's time has passed when the next run is tomorrow's.
    if (chinaDateOf(nextRunAt(now, time)) === date) return
    const { rows } = await job.db.query<{ finished: boolean }>(
      'select finished_at is not null as finished from reminder_runs where run_date = $1',
      [date],
    )
    if (!rows[0]?.finished) await run(date)
  }

  running = catchUp()
    .catch((error: unknown) => log.error({ err: error }, 'reminder catch-up failed'))
    .finally(schedule)

  return {
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
    },
  }
}
