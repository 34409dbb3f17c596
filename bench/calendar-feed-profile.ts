/**
 * Where the time of a feed read goes (issue #14 item 15), for the agent of bench/calendar-feed.ts:
 * each step a read takes, timed in process on the same database, then the same reads over HTTP.
 * The usual read (unchanged feed): token lookup, then links + roles + stamps (feedInputs), then the
 * cache. A read after a change also plans (reminders, each source, fingerprints, versions, ETag)
 * and renders. Run: `npx tsx bench/calendar-feed-profile.ts` (not part of `npm run bench`).
 */
import { createHash } from 'node:crypto'
import { complianceEventSource } from '../server/capabilities/compliance/calendar-feed/compliance-events'
import { feedInputs } from '../server/capabilities/compliance/calendar-feed/feed-inputs'
import { eventVersions, findFeedByTokenHash } from '../server/capabilities/compliance/calendar-feed/feed-repo'
import { feedTokenHash } from '../server/capabilities/compliance/calendar-feed/feed-token'
import { licenceEventSource } from '../server/capabilities/compliance/calendar-feed/licence-events'
import { renderIcs } from '../server/capabilities/compliance/calendar-feed/render-ics'
import { getReminderSettings } from '../server/capabilities/licences/reminder-settings-repo'
import { roleMay, type EnterpriseAction } from '../src/domain/access/permissions'
import { chinaDateOf } from '../src/domain/calendar/dates'
import { setUpAgentFeed } from './calendar-feed'

const ROUNDS = Number(process.env.BENCH_READS ?? 30)

async function main(): Promise<void> {
  const { db, app, origin, path } = await setUpAgentFeed()
  try {
    await (await fetch(`${origin}${path}`)).arrayBuffer() // versions inserted once
    const steps = new Map<string, number[]>()
    const token = path.replace(/^.*\//, '').replace(/\.ics$/, '')
    for (let round = 0; round < ROUNDS; round++) {
      let mark = performance.now()
      const lap = (name: string) => {
        const now = performance.now()
        steps.set(name, [...(steps.get(name) ?? []), now - mark])
        mark = now
      }
      const feed = (await findFeedByTokenHash(db, feedTokenHash(app.signing.idHashSecret, token)))!
      lap('usual read: token lookup')
      const today = chinaDateOf(Date.now())
      const { links } = await feedInputs(db, feed, { today, uidHost: 'bench', now: Date.now() })
      lap('usual read: links, roles, live grants, stamps (one statement)')
      const reminders = await getReminderSettings(db, feed.user_id)
      lap('after a change: reminder settings')
      const context = { db, today, reminders, userId: feed.user_id, now: new Date() }
      const allowed = (action: EnterpriseAction) =>
        links
          .filter((link) => roleMay(link.role, action, link.has_live_grant))
          .map((link) => ({ id: link.enterprise_id, name: link.name }))
      const licences = await licenceEventSource.events(context, allowed(licenceEventSource.action))
      lap('after a change: plan licences')
      const compliance = await complianceEventSource.events(context, allowed(complianceEventSource.action))
      lap('after a change: plan compliance kinds (buildTimeline)')
      const planned = [...licences, ...compliance].map((event) => ({
        ...event,
        uid: `${event.key}@bench`,
        fingerprint: createHash('sha256')
          .update(JSON.stringify([event.date, event.summary, event.description]))
          .digest('hex'),
      }))
      lap('after a change: fingerprints')
      const versions = await eventVersions(db, planned, new Date())
      lap('after a change: versions (read, none written)')
      const events = planned.map((event) => ({ ...event, version: versions.get(event.uid)! }))
      renderIcs('bench', events)
      lap('after a change: render')
    }
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length
    const p50 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
    for (const [name, values] of steps)
      console.log(`${name.padEnd(64)} p50 ${p50(values).toFixed(1).padStart(7)} ms  mean ${mean(values).toFixed(1)} ms`)
    const etag = (await fetch(`${origin}${path}`)).headers.get('etag') ?? ''
    const full: number[] = []
    const notModified: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      let start = performance.now()
      await (await fetch(`${origin}${path}`)).arrayBuffer()
      full.push(performance.now() - start)
      start = performance.now()
      await (await fetch(`${origin}${path}`, { headers: { 'if-none-match': etag } })).arrayBuffer()
      notModified.push(performance.now() - start)
    }
    console.log(
      `over HTTP: 200 from the cache p50 ${p50(full).toFixed(1)} ms; 304 p50 ${p50(notModified).toFixed(1)} ms`,
    )
  } finally {
    await app.close()
    await db.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
