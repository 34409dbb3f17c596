/**
 * Which reminders fall due on a run date. Reminders count back from the renewal deadline
 * (`latestApplyOn`), not from expiry; one more goes out on the expiry day itself.
 *
 * Built for the nightly job over 62,000–1,000,000 licences, two ways:
 *  - scan: `dueReminderOffsetOnDay` is a subtraction and a lookup per licence (no allocation);
 *  - index: a reminder with offset k is due on run date R exactly when latestApplyOn = R + k, so
 *    with `latest_apply_on` stored and indexed the job can select
 *    `latest_apply_on = ANY(deadlinesRemindedOn(R)) OR expires_on = R` and touch only due rows.
 *    (Stored deadlines flagged `estimate` must be recomputed when a new year's calendar appears.)
 * A day the job did not run is not caught up here: run it once per missed date.
 */
import { addDays, toDayNumber, type IsoDate } from '../calendar/dates'
import { renewalDeadlineDays } from './deadline'
import type { LicenceRenewalFacts } from './status'

/** Days before the deadline (the origin city used 30 and 7, with a call list at 3). */
export const DEFAULT_REMINDER_OFFSETS: readonly number[] = [60, 30, 15, 7, 3, 1]

export type DueReminder =
  { kind: 'before-deadline'; daysBefore: number; latestApplyOn: IsoDate } | { kind: 'expiry-day'; expiresOn: IsoDate }

const NONE: readonly DueReminder[] = Object.freeze([])

/** The offset due on `runDay` for a deadline on `latestDay`, or -1: offsets are days before it. */
export function dueReminderOffsetOnDay(latestDay: number, runDay: number, offsets: readonly number[]): number {
  const daysBefore = latestDay - runDay
  return daysBefore >= 0 && offsets.includes(daysBefore) ? daysBefore : -1
}

/** The offsets (days before `latestApplyOn`) whose reminder falls on `runDate`: [] or one value. */
export function dueReminderOffsets(
  latestApplyOn: IsoDate,
  runDate: IsoDate,
  offsets: readonly number[] = DEFAULT_REMINDER_OFFSETS,
): number[] {
  const offset = dueReminderOffsetOnDay(toDayNumber(latestApplyOn), toDayNumber(runDate), offsets)
  return offset < 0 ? [] : [offset]
}

/** The deadlines whose reminders fall on `runDate`, one per offset, in the offsets' order. */
export function deadlinesRemindedOn(
  runDate: IsoDate,
  offsets: readonly number[] = DEFAULT_REMINDER_OFFSETS,
): IsoDate[] {
  return offsets.map((offset) => addDays(runDate, offset))
}

/**
 * Once the holder says the renewal is under way (已提交续期) the countdown stops, but the renewal
 * deadline itself still reminds — the application may not have gone in after all — and so does
 * the expiry day, until the new certificate is recorded (已换新证 clears `renewalStartedOn`).
 */
export const RENEWING_REMINDER_OFFSETS: readonly number[] = Object.freeze([0])

/**
 * The reminders to send for one licence on `runDate`. None once the licence is cancelled; only
 * the deadline day and the expiry day while the renewal is under way.
 */
export function dueReminders(
  licence: LicenceRenewalFacts,
  runDate: IsoDate,
  offsets: readonly number[] = DEFAULT_REMINDER_OFFSETS,
): readonly DueReminder[] {
  const runDay = toDayNumber(runDate)
  if (licence.cancelledOn != null && toDayNumber(licence.cancelledOn) <= runDay) return NONE
  const expiry = toDayNumber(licence.expiresOn)
  const { latest } = renewalDeadlineDays(expiry, licence.leadRule)
  const renewing = licence.renewalStartedOn != null
  const offset = dueReminderOffsetOnDay(latest, runDay, renewing ? RENEWING_REMINDER_OFFSETS : offsets)
  if (offset < 0 && expiry !== runDay) return NONE
  const due: DueReminder[] = []
  if (offset >= 0) due.push({ kind: 'before-deadline', daysBefore: offset, latestApplyOn: addDays(runDate, offset) })
  if (expiry === runDay) due.push({ kind: 'expiry-day', expiresOn: licence.expiresOn })
  return due
}
