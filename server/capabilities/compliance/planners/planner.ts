import type { Queryable } from '../../../kernel/db/db'
import type { IsoDate } from '../../../../src/domain/calendar/dates'
import type { ComplianceItem, ComplianceKind } from '../../../../src/domain/compliance/item'
import { remindersOn } from '../../../../src/domain/compliance/reminderOffsets'
import type { ItemState } from '../compliance-repo'

/**
 * A planner turns one kind's facts (the enterprise data of migration 018, policies, complaints)
 * and the domain's rules (src/domain/compliance) into the reminders due on a run date. Adding a
 * kind of deadline is one planner here plus its notice text (../reminder-notice.ts); the job
 * (../reminder-job.ts) decides who receives them, on which channel, and sends them.
 */

export interface PlannerEnterprise {
  id: string
  name: string
  foundedOn: IsoDate
}

export interface PlannerInput {
  db: Queryable
  /** the run's China calendar day */
  date: IsoDate
  /** the run's instant (complaint clocks) */
  now: Date
  /** the enterprises someone may be reminded for (someone linked with profile:read) */
  enterprises: readonly PlannerEnterprise[]
  /** per user, the enterprises they may act for (profile:read) */
  readers: ReadonlyMap<string, ReadonlySet<string>>
  /** 已办 / 稍后提醒 per enterprise and item key */
  states: ReadonlyMap<string, ReadonlyMap<string, ItemState>>
}

export interface DueReminder {
  item: ComplianceItem
  offsetKey: string
  /** a reminder for one person only (a favourited policy, one's own complaint); absent: all who may act */
  userId?: string
}

export interface CompliancePlanner {
  kind: ComplianceKind
  plan(input: PlannerInput): Promise<DueReminder[]>
}

/** Years whose items can remind on `date`: its own and the next (a window closing next year opens now). */
export function yearsAround(date: IsoDate): number[] {
  const year = Number(date.slice(0, 4))
  return [year, year + 1]
}

/** The reminders of `item` due on the run date, after 已办 / 稍后提醒. */
export function dueOf(input: PlannerInput, item: ComplianceItem, userId?: string): DueReminder[] {
  const state = input.states.get(item.enterpriseId)?.get(item.sourceId)
  const fact =
    state === undefined
      ? undefined
      : state.state === 'done' || state.snoozedUntil === null
        ? ({ state: 'done' } as const)
        : ({ state: 'snoozed', snoozedUntil: state.snoozedUntil } as const)
  return remindersOn(item, input.date, fact).map((offset) =>
    userId === undefined ? { item, offsetKey: offset.offsetKey } : { item, offsetKey: offset.offsetKey, userId },
  )
}
