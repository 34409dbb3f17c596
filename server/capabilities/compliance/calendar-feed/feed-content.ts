import { createHash } from 'node:crypto'
import type { Queryable } from '../../../kernel/db/db'
import { licenceReminderSettingsOf } from '../read-model/licences'
import type { IsoDate } from '../../../../src/domain/calendar/dates'
import { roleMay } from '../../../../src/domain/access/permissions'
import type { CalendarEventSource, FeedEvent } from './event-source'
import { eventVersions, linksOf, type FeedLink, type FeedRow } from './feed-repo'
import { licenceEventSource } from './licence-events'
import { COMPLIANCE_EVENT_SOURCES } from './compliance-events'
import { renderIcs, type RenderedEvent } from './render-ics'

/** Every kind of deadline a feed shows; a new kind (年报, tax, …) is one more source here. */
export const EVENT_SOURCES: readonly CalendarEventSource[] = [licenceEventSource, ...COMPLIANCE_EVENT_SOURCES]

const fingerprintOf = (event: FeedEvent) =>
  createHash('sha256')
    .update(JSON.stringify([event.date, event.summary, event.description]))
    .digest('hex')

const byDateThenUid = (a: RenderedEvent, b: RenderedEvent) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0

/** Bumped whenever renderIcs's output for the same events changes, so ETags derived from the facts change too. */
const RENDER_VERSION = '1'

export interface PlannedFeed {
  name: string
  /** In the feed's order (date, then UID). */
  events: RenderedEvent[]
  /** A strong validator of the body renderIcs makes of `name` and `events`, known before rendering. */
  etag: string
}

/**
 * The feed's events as of now, with their versions and the ETag of the body they render to. Roles
 * are read now, not when the feed was made: an enterprise the owner may no longer act for
 * (unlinked, a handler's last grant revoked) is gone from the very next read; each source sees
 * only the enterprises whose role allows its action. `context.links`: the links just read with the
 * feed's input key (feedInputs), so that the plan is of the links the key names.
 */
export async function planFeed(
  db: Queryable,
  feed: Pick<FeedRow, 'user_id' | 'enterprise_id'>,
  context: { today: IsoDate; now: Date; uidHost: string; links?: readonly FeedLink[] },
  sources: readonly CalendarEventSource[] = EVENT_SOURCES,
): Promise<PlannedFeed> {
  const links = context.links ?? (await linksOf(db, feed.user_id, feed.enterprise_id, context.now.getTime()))
  const reminders = await licenceReminderSettingsOf(db, feed.user_id)
  const byUid = new Map<string, FeedEvent & { uid: string; fingerprint: string }>()
  for (const source of sources) {
    const allowed = links
      .filter((link) => roleMay(link.role, source.action, link.has_live_grant))
      .map((link) => ({ id: link.enterprise_id, name: link.name }))
    const events = await source.events(
      { db, today: context.today, reminders, userId: feed.user_id, now: context.now },
      allowed,
    )
    for (const event of events) {
      const uid = `${event.key}@${context.uidHost}`
      byUid.set(uid, { ...event, uid, fingerprint: fingerprintOf(event) })
    }
  }
  const planned = [...byUid.values()]
  const versions = await eventVersions(db, planned, context.now)
  const fingerprints = new Map<string, string>()
  const events: RenderedEvent[] = planned.map(({ fingerprint, ...event }) => {
    const version = versions.get(event.uid)
    if (!version) throw new Error(`no version recorded for calendar event ${event.uid}`)
    fingerprints.set(event.uid, fingerprint)
    return { ...event, version }
  })
  events.sort(byDateThenUid)
  const name = feed.enterprise_id && links[0] ? `政企通 · ${links[0].name}` : '政企通 · 办事期限'
  // Everything the body is made of: the name, and per event (in order) its UID, content (the
  // fingerprint hashes date, summary and description), alarms and version.
  let facts = `${RENDER_VERSION}\n${name}\n`
  for (const event of events) {
    facts += `${event.uid} ${fingerprints.get(event.uid)} ${event.alarmDaysBefore.join(',')} ${event.version.sequence} ${event.version.changedAt.getTime()}\n`
  }
  const hash = createHash('sha256').update(facts, 'utf8')
  return { name, events, etag: `"${hash.digest('base64url')}"` }
}

/** The feed's calendar as of now (planFeed, then renderIcs). */
export async function feedCalendar(
  db: Queryable,
  feed: Pick<FeedRow, 'user_id' | 'enterprise_id'>,
  context: { today: IsoDate; now: Date; uidHost: string },
  sources: readonly CalendarEventSource[] = EVENT_SOURCES,
): Promise<string> {
  const planned = await planFeed(db, feed, context, sources)
  return renderIcs(planned.name, planned.events)
}

/** If-None-Match (weak comparison, RFC 9110 §13.1.2): does the client already hold `etag`? */
export function clientHasCurrent(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  const bare = (tag: string) => tag.trim().replace(/^W\//, '')
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag))
}
