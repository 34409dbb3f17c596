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

function newCalendar(name: string) {
  return ical({
    name,
    prodId: { company: 'zhengqitong', product: 'calendar-feed', language: 'ZH' },
    ttl: REFRESH_SECONDS,
  })
}

function addEvent(calendar: ReturnType<typeof ical>, event: RenderedEvent) {
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
  return created
}

const encoder = new TextEncoder()

/**
 * ical-generator's foldLines (RFC 5545 §3.1: a line longer than 75 octets continues on the next,
 * which starts with a space), the same algorithm with the same output: per line, count each
 * character's UTF-8 octets — a high surrogate with the code unit after it as one — and break before
 * the character that takes the count past 74. Without ical-generator's new TextEncoder per
 * character, which made folding 98% of rendering an agent's feed (2.5 s for 1,769 events).
 */
export function foldLines(text: string): string {
  return text.split('\r\n').map(foldLine).join('\r\n')
}

function foldLine(line: string): string {
  if (line.length <= 24) return line // at most 72 octets
  let out = ''
  let start = 0
  let octets = 0
  for (let r = 0; r < line.length; r++) {
    const at = r
    const code = line.charCodeAt(r)
    let size: number
    if (code < 0x80) size = 1
    else if (code < 0x800) size = 2
    // A lone low surrogate is encoded as U+FFFD: 3 octets, as any other BMP character.
    else if (code < 0xd800 || code > 0xdbff) size = 3
    else {
      size = encoder.encode(line.slice(r, r + 2)).length
      r++
    }
    octets += size
    if (octets > 74) {
      out += `${line.slice(start, at)}\r\n `
      start = at
      octets = size
    }
  }
  return out + line.slice(start)
}

const END = 'END:VCALENDAR'

/**
 * The feed as RFC 5545 text: all-day events (DTSTART;VALUE=DATE, DTEND the next day), SEQUENCE and
 * DTSTAMP from the event's version, one DISPLAY alarm per reminder day. DTSTAMP is the version's
 * time, not now, so the same facts give the same bytes (and the same ETag).
 *
 * ical-generator writes every property; only the folding is ours (foldLines): the calendar's own
 * lines come from ical-generator's toString of the calendar without events, each event's from its
 * toString, folded here. Byte for byte what renderIcsReference (ical-generator's toString of the
 * whole calendar) gives: tests/server/calendar-feed-render.test.ts compares them.
 */
export function renderIcs(name: string, events: readonly RenderedEvent[]): string {
  const calendar = newCalendar(name)
  const shell = calendar.toString()
  if (!shell.endsWith(END)) throw new Error('unexpected calendar shell from ical-generator')
  const parts = [shell.slice(0, -END.length)]
  for (const event of events) parts.push(foldLines(addEvent(calendar, event).toString()))
  parts.push(END)
  return parts.join('')
}

/** The same calendar from ical-generator's toString of the whole calendar: the oracle renderIcs is checked against. */
export function renderIcsReference(name: string, events: readonly RenderedEvent[]): string {
  const calendar = newCalendar(name)
  for (const event of events) addEvent(calendar, event)
  return calendar.toString()
}
