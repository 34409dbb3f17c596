import { createHash } from 'node:crypto'
import type { Queryable } from '../db/db'
import { getReminderSettings } from '../reminders/settings-repo'
import type { IsoDate } from '../../src/domain/calendar/dates'
import { roleMay } from '../../src/domain/access/permissions'
import type { CalendarEventSource, FeedEvent } from './event-source'
import { eventVersions, linksOf, type FeedRow } from './feed-repo'
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

/**
 * The feed's calendar as of now. Roles are read now, not when the feed was made: an enterprise
 * the owner may no longer act for (unlinked, a handler's last grant revoked) is gone from the very
 * next read; each source sees only the enterprises whose role allows its action.
 */
export async function feedCalendar(
  db: Queryable,
  feed: Pick<FeedRow, 'user_id' | 'enterprise_id'>,
  context: { today: IsoDate; now: Date; uidHost: string },
  sources: readonly CalendarEventSource[] = EVENT_SOURCES,
): Promise<string> {
  const links = await linksOf(db, feed.user_id, feed.enterprise_id)
  const reminders = await getReminderSettings(db, feed.user_id)
  const byUid = new Map<string, FeedEvent & { uid: string }>()
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
      byUid.set(uid, { ...event, uid })
    }
  }
  const events = [...byUid.values()]
  const versions = await eventVersions(
    db,
    events.map((event) => ({ uid: event.uid, fingerprint: fingerprintOf(event) })),
    context.now,
  )
  const rendered = events.map((event) => {
    const version = versions.get(event.uid)
    if (!version) throw new Error(`no version recorded for calendar event ${event.uid}`)
    return { ...event, version }
  })
  const name = feed.enterprise_id && links[0] ? `政企通 · ${links[0].name}` : '政企通 · 办事期限'
  return renderIcs(name, rendered.sort(byDateThenUid))
}

/** A strong validator of the exact bytes (RFC 9110 §8.8.3). */
export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body, 'utf8').digest('base64url')}"`
}

/** If-None-Match (weak comparison, RFC 9110 §13.1.2): does the client already hold `etag`? */
export function clientHasCurrent(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  const bare = (tag: string) => tag.trim().replace(/^W\//, '')
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag))
}
