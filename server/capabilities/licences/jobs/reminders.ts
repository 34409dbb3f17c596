import type { ReminderRunReport } from '../../../../src/contract/account/schemas'
import type { Db } from '../../../kernel/db/db'
import { isIsoDate, type IsoDate } from '../../../../src/domain/calendar/dates'
import { loadCatalogue } from '../catalogue-store'
import { recomputeStoredDeadlines } from '../stored-deadline'
import type { MessageSenders } from '../../../kernel/notify/default-senders'
import { withAdvisoryLock } from '../../../kernel/jobs/advisory-lock'
import { deliverPending, type DeliveryHooks } from './reminder-delivery'
import { LICENCE_REMINDER_NOTICE } from './reminder-message'
import { insertDeliveries, planReminders } from './reminder-plan'

export { LockBusyError } from '../../../kernel/jobs/advisory-lock'

/** What the reminder job needs; the app builds one from its config (app.reminderJob). */
export interface ReminderJobContext {
  db: Db
  senders: MessageSenders
  /** subscribe-message template of the licence reminder per platform */
  templates: { weapp: string; alipay: string }
  log?: {
    info(object: object, message: string): void
    warn(object: object, message: string): void
  }
  concurrency?: number
  inboxBatchSize?: number
  hooks?: DeliveryHooks
}

// Arbitrary constant beside the migration lock's (7_300_215).
export const REMINDER_LOCK_KEY = 7_300_216

/** Whether `date` has no finished run yet (the server starting after the day's time runs it then). */
export async function reminderRunMissed(app: { db: Db }, date: IsoDate): Promise<boolean> {
  const { rows } = await app.db.query<{ finished: boolean }>(
    'select finished_at is not null as finished from reminder_runs where run_date = $1',
    [date],
  )
  return !rows[0]?.finished
}

/**
 * The reminders of `date` (China calendar day): plan the deliveries due, write them as rows
 * (INSERT … ON CONFLICT DO NOTHING: the row is the idempotency guard), then send what is not
 * sent. Safe to run again for the same date, after a crash or on purpose: nothing is sent twice
 * (see ./reminder-delivery.ts for the one window). A day the job did not run is not caught up
 * by the next day's run: run it for that date.
 * Throws LockBusyError when a run is already under way (here or on another instance).
 */
export async function runReminders(ctx: ReminderJobContext, date: IsoDate): Promise<ReminderRunReport> {
  if (!isIsoDate(date)) throw new RangeError(`Not a 'YYYY-MM-DD' date: ${date}`)
  return withAdvisoryLock(ctx.db, REMINDER_LOCK_KEY, async () => {
    const started = Date.now()
    const { db } = ctx
    await db.query(
      `insert into reminder_runs (run_date, started_at) values ($1, now())
       on conflict (run_date) do update set started_at = now(), finished_at = null`,
      [date],
    )
    const catalogue = await loadCatalogue(db)
    // Deadlines computed before this year's holidays were published may have moved.
    await recomputeStoredDeadlines(db, catalogue, true)
    const plan = await planReminders(db, catalogue, date, {
      wechat: ctx.senders.wechat ? { templateId: ctx.templates.weapp } : null,
      alipay: ctx.senders.alipay ? { templateId: ctx.templates.alipay } : null,
    })
    await insertDeliveries(db, plan.deliveries, date)
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from outbox where purpose = $2 and run_date = $1 and status = 'sent'`,
      [date, LICENCE_REMINDER_NOTICE.purpose],
    )
    const tally = await deliverPending({ ...ctx, catalogue }, date)
    const report: ReminderRunReport = {
      date,
      due: plan.due,
      delivered: tally.delivered,
      skipped: rows[0].n,
      failed: tally.failed,
      undeliverable: tally.undeliverable,
    }
    await db.query('update reminder_runs set finished_at = now(), report = $2 where run_date = $1', [
      date,
      JSON.stringify(report),
    ])
    ctx.log?.info({ ...report, ms: Date.now() - started }, 'reminder run finished')
    return report
  })
}
