import type { Queryable } from '../../../kernel/db/db'
import type { IsoDate } from '../../../../src/domain/calendar/dates'
import type { EnterpriseAction } from '../../../../src/domain/access/permissions'
import type { ReminderSettings } from '../../../../src/contract/account/schemas'
/** One all-day event of a feed. Nothing in it may depend on who reads the feed or on which day. */
export interface FeedEvent {
  /** Stable across reads and feeds: `<kind>-<entity id>-<deadline kind>` (the feed adds `@host`). */
  key: string
  date: IsoDate
  /** Chinese; no 身份证号 or phone. */
  summary: string
  description: string
  /** Days before `date` to remind, each at 09:00 (0: on the day). */
  alarmDaysBefore: number[]
}

export interface EnterpriseInFeed {
  id: string
  name: string
}

export interface EventSourceContext {
  db: Queryable
  /** Today in China, for what is still live. */
  today: IsoDate
  /** The feed owner's offsets, for the alarms. */
  reminders: ReminderSettings
  /** The feed owner: whose favourite policies and own complaints count. */
  userId: string
  now: Date
}

/**
 * A kind of deadline a feed shows (licences today; 年报, tax, … later): each source names the
 * enterprise action a reader needs (src/domain/access/permissions.ts), and the feed hands it only
 * the enterprises where the reader's role, at the moment of reading, allows that action.
 */
export interface CalendarEventSource {
  kind: string
  action: EnterpriseAction
  events(context: EventSourceContext, enterprises: readonly EnterpriseInFeed[]): Promise<FeedEvent[]>
}
