/**
 * When each kind of compliance deadline reminds (issue #14 item 10): the reminder days of an item
 * as (offset key, day) pairs. The offset key names the rule that chose the day, so a reminder is
 * idempotent per (item, offset, user, channel) however often the job runs.
 *
 * - 年报: the item's own reminder days — the user's chosen days (annual_report_reminder_days) or
 *   the defaults (window opens, 1 June, the 7th and the last working day before 30 June); key
 *   'on:<day>'.
 * - 纳税申报: the 3rd working day before the filing deadline ('w3') and the deadline itself ('d0').
 * - 信用修复: the earliest day the repair can be applied for ('opens').
 * - 政策申报: the window's opening day, moved to a working day ('opens'), and 5 and 1 working days
 *   before it closes ('w5', 'w1'), none before it opens.
 * - 诉求: the reply-due, 回访 and 整改 deadline days ('d0'; each deadline is its own item).
 *
 * An item marked 已办 reminds no more; a snoozed one (稍后提醒) is silent until its snooze day and
 * reminds on that day instead ('snooze:<day>').
 */
import { fromDayNumber, toDayNumber, type IsoDate } from '../calendar/dates'
import { addWorkingDaysToDayNumber, workingDayOnOrAfter } from '../calendar/workingDays'
import type { ComplianceItem, ComplianceKind } from './item'
import { POLICY_CLOSING_REMINDER_WORKING_DAYS } from './policyWindow'

export const COMPLIANCE_KINDS: readonly ComplianceKind[] = [
  'annual-report',
  'tax-filing',
  'credit-repair',
  'policy-window',
  'complaint',
]

/** Working days before a tax filing deadline of the early reminder (the deadline day reminds too). */
export const TAX_REMINDER_WORKING_DAYS_BEFORE = 3

export interface ReminderOffset {
  offsetKey: string
  date: IsoDate
}

/** What the user has done about an item (compliance_item_states); absent: nothing. */
export type ItemStateFact = { state: 'done' } | { state: 'snoozed'; snoozedUntil: IsoDate }

function workingDaysBefore(day: IsoDate, count: number): IsoDate {
  return fromDayNumber(addWorkingDaysToDayNumber(toDayNumber(day), -count))
}

/** Every reminder day of `item`, ascending, one per offset key. */
export function reminderOffsets(item: ComplianceItem): ReminderOffset[] {
  switch (item.kind) {
    case 'annual-report':
      return item.reminders.map((day) => ({ offsetKey: `on:${day.date}`, date: day.date }))
    case 'tax-filing':
      return [
        {
          offsetKey: `w${TAX_REMINDER_WORKING_DAYS_BEFORE}`,
          date: workingDaysBefore(item.dueDate, TAX_REMINDER_WORKING_DAYS_BEFORE),
        },
        { offsetKey: 'd0', date: item.dueDate },
      ]
    case 'credit-repair':
      return item.opensOn ? [{ offsetKey: 'opens', date: item.opensOn }] : []
    case 'policy-window': {
      const out: ReminderOffset[] = []
      if (item.opensOn !== undefined) {
        const first = fromDayNumber(workingDayOnOrAfter(toDayNumber(item.opensOn)))
        if (first <= item.dueDate) out.push({ offsetKey: 'opens', date: first })
      }
      for (const before of POLICY_CLOSING_REMINDER_WORKING_DAYS) {
        const date = workingDaysBefore(item.dueDate, before)
        if (item.opensOn !== undefined && date < item.opensOn) continue
        if (out.length > 0 && date <= out[out.length - 1].date) continue
        out.push({ offsetKey: `w${before}`, date })
      }
      return out
    }
    case 'complaint':
      return [{ offsetKey: 'd0', date: item.dueDate }]
  }
}

/** The reminders of `item` due on `runDate`, given what the user has done about it. */
export function remindersOn(item: ComplianceItem, runDate: IsoDate, state?: ItemStateFact): ReminderOffset[] {
  if (state?.state === 'done') return []
  if (state?.state === 'snoozed' && runDate <= state.snoozedUntil) {
    return runDate === state.snoozedUntil ? [{ offsetKey: `snooze:${runDate}`, date: runDate }] : []
  }
  return reminderOffsets(item).filter((offset) => offset.date === runDate)
}
