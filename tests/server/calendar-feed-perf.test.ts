import { ENTRY_OVERHEAD_BYTES, FeedBodyCache } from '../../server/capabilities/compliance/calendar-feed/body-cache'
import { eventVersions } from '../../server/capabilities/compliance/calendar-feed/feed-repo'
import { buildTimeline, TIMELINE_KINDS } from '../../server/capabilities/compliance/timeline'
import type { Queryable } from '../../server/kernel/db/db'
import { seedDemoData } from '../../server/seed/demo'
import { openTestDb, type TestDb } from './helpers'

let testDb: TestDb

beforeAll(async () => {
  testDb = await openTestDb({ seed: false })
  await seedDemoData(testDb.db, '2026-03-10')
  // A published policy whose window closes within the year, so that the policy kind reads its facts.
  const { rows } = await testDb.db.query<{ body: Record<string, unknown> }>(
    "select body from policies where status = 'published' limit 1",
  )
  await testDb.db.query(
    "insert into policies (id, status, body, published_at) values ($1, 'published', $2::jsonb, now())",
    [
      'perf-window',
      JSON.stringify({
        ...rows[0].body,
        id: 'perf-window',
        applicationWindow: { opensOn: '2026-03-01', closesOn: '2026-04-30' },
      }),
    ],
  )
}, 60_000)

afterAll(async () => {
  await testDb.close()
})

/** The database, recording every statement sent to it. */
function recording(db: Queryable): { db: Queryable; statements: string[] } {
  const statements: string[] = []
  return {
    statements,
    db: {
      query: (sql, params) => {
        statements.push(sql.trim().split(/\s+/)[0].toLowerCase())
        return db.query(sql, params)
      },
      exec: (sql) => db.exec(sql),
    },
  }
}

const T1 = new Date('2026-03-10T01:00:00Z')
const T2 = new Date('2026-03-11T01:00:00Z')
const T3 = new Date('2026-03-12T01:00:00Z')

describe('calendar event versions', () => {
  const events = Array.from({ length: 40 }, (_, i) => ({ uid: `v-${i}@test`, fingerprint: `fp-${i}` }))

  it('writes nothing when no event changed, and only the changed one when one did', async () => {
    await eventVersions(testDb.db, events, T1)
    const steady = recording(testDb.db)
    const versions = await eventVersions(steady.db, events, T2)
    expect(steady.statements).toEqual(['select'])
    expect(versions.get('v-3@test')).toEqual({ sequence: 0, changedAt: T1 })
    expect(versions.size).toBe(40)

    const changed = recording(testDb.db)
    const moved = events.map((e) => (e.uid === 'v-7@test' ? { ...e, fingerprint: 'fp-7-moved' } : e))
    const after = await eventVersions(changed.db, moved, T2)
    expect(changed.statements).toEqual(['select', 'insert', 'select'])
    expect(after.get('v-7@test')).toEqual({ sequence: 1, changedAt: T2 })
    expect(after.get('v-8@test')).toEqual({ sequence: 0, changedAt: T1 })
  })

  it('bumps SEQUENCE once when twelve readers see the same change at once, and gives all of them the new version', async () => {
    const mine = events.map((e) => ({ uid: `race-${e.uid}`, fingerprint: e.fingerprint }))
    await eventVersions(testDb.db, mine, T1)
    const moved = mine.map((e, i) => (i % 10 === 0 ? { ...e, fingerprint: `${e.fingerprint}-moved` } : e))
    const results = await Promise.all(Array.from({ length: 12 }, () => eventVersions(testDb.db, moved, T3)))
    for (const result of results) {
      expect(result.get(mine[0].uid)).toEqual({ sequence: 1, changedAt: T3 })
      expect(result.get(mine[1].uid)).toEqual({ sequence: 0, changedAt: T1 })
    }
    const { rows } = await testDb.db.query<{ sequence: number }>(
      'select sequence from calendar_event_versions where uid = $1',
      [mine[10].uid],
    )
    expect(Number(rows[0].sequence)).toBe(1)
  })
})

describe('the compliance timeline', () => {
  it('reads each kind in one query for all the enterprises: as many statements for six as for one', async () => {
    const { rows } = await testDb.db.query<{ id: string; name: string }>(
      'select id, name from enterprises order by name',
    )
    expect(rows.length).toBeGreaterThanOrEqual(5)
    const statementsFor = async (enterprises: { id: string; name: string }[]) => {
      const recorded = recording(testDb.db)
      const items = await buildTimeline(recorded.db, {
        userId: '00000000-0000-4000-8000-000000000000',
        enterprises,
        from: '2026-03-10',
        to: '2027-03-10',
        today: '2026-03-10',
        now: T1,
        kinds: new Set(TIMELINE_KINDS),
      })
      expect(items.some((item) => item.kind === 'policy-window')).toBe(true)
      expect(items.some((item) => item.kind === 'licence')).toBe(true)
      return recorded.statements.length
    }
    expect(await statementsFor(rows)).toBe(await statementsFor(rows.slice(0, 1)))
  })
})

describe('feed plan cache', () => {
  const O = ENTRY_OVERHEAD_BYTES
  const entry = (inputKey: string, body?: string) => ({
    inputKey,
    etag: `"${inputKey}"`,
    ...(body === undefined ? {} : { body: Buffer.from(body) }),
  })

  it('keeps one entry per feed within its byte bound, dropping the least recently used', () => {
    const cache = new FeedBodyCache(3 * O + 10)
    cache.set('a', entry('1', 'aaaa'))
    cache.set('b', entry('1', 'bbbb'))
    expect(cache.get('a', '1')?.body).toEqual(Buffer.from('aaaa')) // a is now the most recently used
    cache.set('c', entry('1', 'cccc')) // 3 entries + 12 bytes > bound: b goes
    expect(cache.get('b', '1')).toBeUndefined()
    expect(cache.get('a', '1')?.body).toEqual(Buffer.from('aaaa'))
    expect(cache.get('c', '1')?.etag).toBe('"1"')
    expect(cache.size).toBe(2 * O + 8)
    expect(cache.get('a', '2')).toBeUndefined()
  })

  it('answers only under the input key it was planned with, replaces a feed’s older plan, never keeps one larger than the bound', () => {
    const cache = new FeedBodyCache(O + 10)
    cache.set('a', entry('1', '证照')) // 6 bytes
    expect(cache.size).toBe(O + 6)
    cache.set('a', entry('2'))
    expect(cache.get('a', '1')).toBeUndefined()
    expect(cache.get('a', '2')).toEqual(entry('2'))
    expect(cache.size).toBe(O)
    cache.set('b', entry('1', 'x'.repeat(11)))
    expect(cache.get('b', '1')).toBeUndefined()
    expect(cache.size).toBe(O)
  })
})
