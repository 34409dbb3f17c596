import ical, { ICalAlarmRelatesTo, ICalAlarmType, ICalEventTransparency } from 'ical-generator'
import type { EventVersion } from './feed-repo'
import type { FeedEvent } from './event-source'

export interface RenderedEvent extends FeedEvent {
  uid: string
  version: EventVersion
}

const DAY_SECONDS = 24 * 60 * 60
/** Alarms ring at 09:00 on their day (an all-day event starts at 00:00 of its date). */
const ALARM_HOUR_SECONDS = 9 * 60 * 60
/** How often a subscribing calendar should look again (REFRESH-INTERVAL / X-PUBLISHED-TTL). */
const REFRESH_SECONDS = 6 * 60 * 60

const midnightUtc = (date: string) => new Date(`${date}T00:00:00Z`)

/**
 * The feed as RFC 5545 text: all-day events (DTSTART;VALUE=DATE, DTEND the next day), SEQUENCE and
 * DTSTAMP from the event's version, one DISPLAY alarm per reminder day. DTSTAMP is the version's
 * time, not now, so the same facts give the same bytes (and the same ETag).
 */
export function renderIcs(name: string, events: readonly RenderedEvent[]): string {
  const calendar = ical({
    name,
    prodId: { company: 'zhengqitong', product: 'calendar-feed', language: 'ZH' },
    ttl: REFRESH_SECONDS,
  })
  for (const event of events) {
    const start = midnightUtc(event.date)
    const created = calendar.createEvent({
      id: event.uid,
      start,
      end: new Date(start.getTime() + DAY_SECONDS * 1000),
      allDay: true,
      summary: event.summary,
      description: event.description,
      sequence: event.version.sequence,
      stamp: event.version.changedAt,
      transparency: ICalEventTransparency.TRANSPARENT,
    })
    for (const days of [...event.alarmDaysBefore].sort((a, b) => b - a)) {
      const base = {
        type: ICalAlarmType.display,
        description: days === 0 ? event.summary : `${event.summary}（还有 ${days} 天）`,
      }
      // ical-generator 10's alarm constructor ignores a `relatesTo` option, and writes a positive
      // trigger without one as RELATED=END — for an all-day event 09:00 of the NEXT day, after
      // the deadline. The on-the-day alarm sets it through the method (negative triggers are
      // written without RELATED, which counts from the start).
      if (days === 0)
        created.createAlarm({ ...base, triggerAfter: ALARM_HOUR_SECONDS }).relatesTo(ICalAlarmRelatesTo.start)
      else created.createAlarm({ ...base, triggerBefore: days * DAY_SECONDS - ALARM_HOUR_SECONDS })
    }
  }
  return calendar.toString()
}
