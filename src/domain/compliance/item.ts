/**
 * One deadline on the compliance calendar (合规日历, issue #14): every kind — 年报, 纳税申报, 信用修复
 * and later licences, policy windows and complaints — is planned into this one shape, so the
 * timeline, the reminder planners and the calendar feed treat them alike.
 */
import type { IsoDate } from '../calendar/dates'

export type ComplianceKind = 'annual-report' | 'tax-filing' | 'credit-repair' | 'policy-window' | 'complaint'

/** A day to remind on; `estimated` when it was counted on a year the State Council has not published. */
export interface ReminderDay {
  date: IsoDate
  estimated: boolean
}

export interface ComplianceItem {
  kind: ComplianceKind
  enterpriseId: string
  /** Stable per deadline (e.g. 'annual-report:2025', 'tax:vat:2026-01'): the feed's UID is built on it. */
  sourceId: string
  /** What to do, in Chinese, e.g. 「2025年度年报」 */
  title: string
  /** First day it can be done, when the rule has a window (年报: 1 January; 信用修复: the earliest application day). */
  opensOn?: IsoDate
  /** Last day it can be done. */
  dueDate: IsoDate
  /** true when dueDate relied on an unpublished year (holiday calendar or tax calendar): show 预计. */
  estimated: boolean
  /** true when "days remaining" should be counted in working days (the rule itself counts them). */
  countsWorkingDays: boolean
  /** Default reminder days (or the user's own, when the rule takes overrides), ascending; shared between items: never mutate. */
  reminders: readonly ReminderDay[]
  /** The regulation the date comes from, in Chinese. */
  legalBasis: string
}
