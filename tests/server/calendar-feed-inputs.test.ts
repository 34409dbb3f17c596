import { gunzipSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import type { EnterpriseSummary } from '../../src/contract/account/schemas'
import type { CalendarFeedCreated } from '../../src/contract/compliance/schemas'
import type { LicenceListResponse } from '../../src/contract/licences/schemas'
import { planFeed } from '../../server/capabilities/compliance/calendar-feed/feed-content'
import { feedInputs, staticDataVersion } from '../../server/capabilities/compliance/calendar-feed/feed-inputs'
import { acceptsGzip } from '../../server/capabilities/compliance/calendar-feed/routes'
import type { Db, Queryable } from '../../server/kernel/db/db'
import { seedDemoData } from '../../server/seed/demo'
import { addDays, type IsoDate } from '../../src/domain/calendar/dates'
import { HOLIDAY_RUNS, MAKEUP_WORKDAY_RUNS } from '../../src/domain/calendar/publishedCalendar'
import { PUBLISHED_TAX_DEADLINES } from '../../src/domain/compliance/taxCalendar'
import { LICENCE_CATALOGUE } from '../../src/domain/licences/catalogue'
import { VALID_COMPLAINT } from './complaint-input'
import { bearer, DEMO, loginSandbox, openTestDb, type TestDb } from './helpers'
import { appAt, chinaNoon } from './licences-kit'

const TODAY = '2026-03-10'

let testDb: TestDb
/** Two instances on one database, as two servers behind a load balancer: each its own cache. */
let appA: FastifyInstance
let appB: FastifyInstance
/** Statements instance A sent to the database. */
const statementsA: string[] = []
/** The day both instances' clocks are on (moved by the 'new day' case). */
let day: IsoDate = TODAY
let agentToken: string
let agentId: string
let feed: CalendarFeedCreated
let host: string
let enterprises: EnterpriseSummary[]
/** An enterprise of the agent's and one of its licences; another of the agent's. */
let mine: string
let licenceId: string
let other: string
/** An enterprise the agent is not linked to. */
let stranger: string

/** The database, recording every statement (its first word and table) instance A sends. */
function recording(db: Db): Db {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property === 'query')
        return (sql: string, params?: unknown[]) => {
          statementsA.push(sql)
          return target.query(sql, params)
        }
      const value = Reflect.get(target, property, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

/** Instance A's statements but the rate limiter's (its counters live in the database too). */
const feedStatements = () => statementsA.filter((text) => !text.includes('rate_limit_hits'))

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers = {}) =>
  appB.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...bearer(agentToken), ...headers },
    payload: payload as object,
  })

const read = (app: FastifyInstance, etag?: string) =>
  app.inject({
    method: 'GET',
    url: new URL(feed.httpsUrl).pathname,
    headers: etag === undefined ? {} : { 'if-none-match': etag },
  })

const feedRow = () => ({ user_id: agentId, enterprise_id: null })
const keyNow = async () =>
  (await feedInputs(testDb.db, feedRow(), { today: day, uidHost: host, now: chinaNoon(day) })).key
/** The ETag a plan made now, with no cache in the way. */
const freshEtag = async () =>
  (await planFeed(testDb.db, feedRow(), { today: day, now: new Date(chinaNoon(day)), uidHost: host })).etag
const sql = (text: string, params: unknown[] = []) => testDb.db.query(text, params)

beforeAll(async () => {
  testDb = await openTestDb({ seed: false })
  await seedDemoData(testDb.db, TODAY)
  appA = await appAt(recording(testDb.db), TODAY, { now: () => chinaNoon(day) })
  appB = await appAt(testDb.db, TODAY, { now: () => chinaNoon(day) })
  const login = await loginSandbox(appB, DEMO.agent)
  agentToken = login.token
  agentId = login.user.id
  enterprises = (await call('GET', '/enterprises')).json()
  ;[mine, other] = enterprises.map((e) => e.id)
  const licences = (await call('GET', `/enterprises/${mine}/licences`)).json() as LicenceListResponse
  licenceId = licences.items.find((l) => l.status === 'valid')!.id
  const { rows: strangers } = await sql(
    'select id from enterprises where id not in (select enterprise_id from user_enterprises where user_id = $1) limit 1',
    [agentId],
  )
  stranger = (strangers[0] as { id: string }).id
  const made = await call('POST', '/me/calendar-feeds/all')
  expect(made.statusCode).toBe(201)
  feed = made.json()
  host = new URL(feed.httpsUrl).host
}, 120_000)
afterAll(async () => {
  await appA.close()
  await appB.close()
  await testDb.close()
})

describe('a repeat read of an unchanged feed', () => {
  it('plans nothing: two statements (the token, then links, roles and stamps), for 304 and for 200 alike', async () => {
    const first = await read(appA)
    expect(first.statusCode).toBe(200)
    const etag = String(first.headers.etag)

    statementsA.length = 0
    const notModified = await read(appA, etag)
    expect(notModified.statusCode).toBe(304)
    expect(notModified.headers.etag).toBe(etag)
    expect(feedStatements()).toHaveLength(2)
    expect(feedStatements()[0]).toMatch(/from calendar_feeds where token_hash/)
    expect(feedStatements()[1]).toMatch(/calendar_feed_stamps/)

    statementsA.length = 0
    const again = await read(appA)
    expect(again.statusCode).toBe(200)
    expect(again.body).toBe(first.body)
    expect(feedStatements()).toHaveLength(2)
  })

  it('answers the same ETag and bytes from either instance', async () => {
    const a = await read(appA)
    const b = await read(appB)
    expect(b.headers.etag).toBe(a.headers.etag)
    expect(b.body).toBe(a.body)
  })
})

describe('compression', () => {
  it('gzips for a client that takes it, with the same ETag made weak; 304 for either form', async () => {
    const plain = await read(appA)
    const etag = String(plain.headers.etag)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.headers.vary).toBe('accept-encoding')
    const zipped = await appA.inject({
      method: 'GET',
      url: new URL(feed.httpsUrl).pathname,
      headers: { 'accept-encoding': 'br, gzip;q=0.8' },
    })
    expect(zipped.statusCode).toBe(200)
    expect(zipped.headers['content-encoding']).toBe('gzip')
    expect(zipped.headers.etag).toBe(`W/${etag}`)
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4)
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(plain.body)
    for (const held of [etag, `W/${etag}`]) {
      const again = await appA.inject({
        method: 'GET',
        url: new URL(feed.httpsUrl).pathname,
        headers: { 'accept-encoding': 'gzip', 'if-none-match': held },
      })
      expect(again.statusCode).toBe(304)
      expect(again.headers.etag).toBe(`W/${etag}`)
    }
  })

  it.each([
    [undefined, false],
    ['gzip', true],
    ['GZIP;q=1.0, br', true],
    ['x-gzip', true],
    ['gzip;q=0', false],
    ['gzip;q=0, *', false],
    ['*', true],
    ['*;q=0', false],
    ['br, deflate', false],
    ['identity', false],
  ])('Accept-Encoding %p takes gzip: %p', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected)
  })
})

interface InputChange {
  name: string
  change: () => Promise<unknown>
  /** Whether the feed's content (and so its ETag) changes too, not only the input key. */
  movesContent: boolean
}

const mustSucceed = async (response: Promise<{ statusCode: number; body: string }>) => {
  const { statusCode, body } = await response
  if (statusCode >= 300) throw new Error(`${statusCode} ${body}`)
}

const stateUrl = (enterpriseId: string, key: string) =>
  `/enterprises/${enterpriseId}/compliance/items/${encodeURIComponent(key)}/state`

const CHANGES: InputChange[] = [
  {
    name: 'licence edited',
    change: () => sql(`update licences set expires_on = expires_on + 35 where id = $1`, [licenceId]),
    movesContent: true,
  },
  {
    name: 'licence deadline marked 已办',
    change: () => mustSucceed(call('PUT', stateUrl(mine, `licence:${licenceId}:expiry`), { state: 'done' })),
    movesContent: true,
  },
  {
    name: '已办 undone (撤销): back to the facts before, never to the key before',
    change: () => mustSucceed(call('DELETE', stateUrl(mine, `licence:${licenceId}:expiry`))),
    movesContent: true,
  },
  {
    name: 'deadline snoozed (稍后提醒)',
    change: () =>
      mustSucceed(call('PUT', stateUrl(other, 'annual-report:2025'), { state: 'snoozed', until: addDays(day, 3) })),
    movesContent: true,
  },
  {
    name: 'tax settings',
    change: () =>
      mustSucceed(
        call('PUT', `/enterprises/${mine}/compliance/settings`, {
          entityType: 'enterprise',
          tax: { vatPayer: 'general', hasEmployees: true, corporateIncomeTax: true },
        }),
      ),
    movesContent: true,
  },
  {
    name: 'penalty recorded',
    change: () =>
      mustSucceed(
        call('POST', `/enterprises/${other}/compliance/penalties`, {
          decidedOn: '2026-01-20',
          field: 'work-safety',
          simpleProcedure: false,
        }),
      ),
    movesContent: true,
  },
  {
    name: '年报 marked 已报送',
    change: () =>
      sql(`insert into annual_report_filings (enterprise_id, report_year, marked_at) values ($1, 2025, now())`, [mine]),
    movesContent: true,
  },
  {
    name: '年报 reminder days',
    change: () =>
      sql(
        `insert into annual_report_reminder_days (enterprise_id, window_year, days, updated_at)
         values ($1, 2026, '["2026-05-01"]', now())`,
        [other],
      ),
    movesContent: true,
  },
  {
    name: 'policy facts of an enterprise',
    change: () =>
      sql(
        `insert into enterprise_policy_facts (enterprise_id, profile) values ($1, '{"employees": 12}'::jsonb)
         on conflict (enterprise_id) do update set profile = excluded.profile`,
        [mine],
      ),
    movesContent: false,
  },
  {
    name: 'a policy edited (global)',
    change: () =>
      sql(
        `update policies set body = jsonb_set(body, '{title}', '"改过的标题"')
         where id = (select id from policies where status = 'published' order by id limit 1)`,
      ),
    movesContent: false,
  },
  {
    name: 'city catalogue override (global)',
    change: () =>
      sql(
        `insert into licence_type_overrides (code, position, entry) values ($1, 99, $2::jsonb)
         on conflict (code) do update set entry = excluded.entry`,
        [LICENCE_CATALOGUE[0].code, JSON.stringify({ code: LICENCE_CATALOGUE[0].code, name: '改名的证照' })],
      ),
    movesContent: true,
  },
  {
    name: 'policy favourite (the owner’s)',
    change: () =>
      sql(
        `insert into policy_favourites (user_id, policy_id)
         select $1, id from policies where status = 'published' order by id limit 1 on conflict do nothing`,
        [agentId],
      ),
    movesContent: false,
  },
  {
    name: 'own complaint submitted',
    change: () => mustSucceed(call('POST', '/complaints', VALID_COMPLAINT, { 'idempotency-key': 'feed-inputs-1' })),
    movesContent: false,
  },
  {
    name: 'current enterprise switched (whose complaints count)',
    change: () => sql('update users set current_enterprise_id = $2 where id = $1', [agentId, other]),
    movesContent: true,
  },
  {
    name: 'reminder settings (alarms only)',
    change: async () => {
      const settings = (await call('GET', '/me/reminder-settings')).json()
      await mustSucceed(call('PUT', '/me/reminder-settings', { ...settings, offsets: [45, 5] }))
    },
    movesContent: true,
  },
  {
    name: 'enterprise renamed',
    change: () => sql(`update enterprises set name = name || '（更名）' where id = $1`, [other]),
    movesContent: true,
  },
  {
    name: 'enterprise founding date',
    change: () => sql(`update enterprises set founded_on = '2026-02-01' where id = $1`, [other]),
    movesContent: true,
  },
  {
    name: 'role changed to handler (no licence or profile rights)',
    change: () =>
      sql(`update user_enterprises set role = 'handler' where user_id = $1 and enterprise_id = $2`, [agentId, other]),
    movesContent: true,
  },
  {
    name: 'membership revoked',
    change: () => sql('delete from user_enterprises where user_id = $1 and enterprise_id = $2', [agentId, mine]),
    movesContent: true,
  },
  {
    name: 'a new day (past the first deadline the feed shows)',
    change: async () => {
      // A compliance deadline leaves the feed the day after its date.
      const dates = (await read(appA)).body
        .split('BEGIN:VEVENT')
        .filter((event) => !/^UID:licence-/m.test(event))
        .map((event) => /^DTSTART;VALUE=DATE:(\d{4})(\d{2})(\d{2})/m.exec(event))
        .flatMap((m) => (m ? [`${m[1]}-${m[2]}-${m[3]}`] : []))
        .filter((date) => date >= day)
        .sort()
      day = addDays(dates[0], 1)
    },
    movesContent: true,
  },
]

describe('every input of the feed moves its key, and the next read answers a fresh plan', () => {
  // One scenario, not one test per change: the changes build on each other (the 撤销 returns to
  // the facts before 已办, a revoked membership ends what later rows could show) and no key may
  // ever come back, so they run in this order inside one test that depends on no other.
  it('each change in turn: a key never seen before, the fresh plan from both instances', async () => {
    const seen = new Set<string>()
    for (const { name, change, movesContent } of CHANGES) {
      // Both instances hold the current plan (and A a body) before the change.
      const before = await read(appA)
      expect({ name, status: before.statusCode }).toEqual({ name, status: 200 })
      const etag = String(before.headers.etag)
      expect({ name, statusB: (await read(appB, etag)).statusCode }).toEqual({ name, statusB: 304 })
      seen.add(await keyNow())

      await change()

      const key = await keyNow()
      expect({ name, keySeenBefore: seen.has(key) }).toEqual({ name, keySeenBefore: false })
      seen.add(key)
      const expected = await freshEtag()
      for (const [instance, app] of [
        ['A', appA],
        ['B', appB],
      ] as const) {
        const after = await read(app, etag)
        expect({ name, instance, etag: after.headers.etag, status: after.statusCode }).toEqual({
          name,
          instance,
          etag: expected,
          status: movesContent ? 200 : 304,
        })
      }
      if (movesContent) expect({ name, etagMoved: expected !== etag }).toEqual({ name, etagMoved: true })
    }
  }, 60_000)

  it('the holiday calendar, tax deadlines and licence catalogue shipped in code are in the key', async () => {
    const shipped = staticDataVersion()
    const key = (version: string) =>
      feedInputs(testDb.db, feedRow(), { today: day, uidHost: host, now: chinaNoon(day) }, version)
    const changed = [
      staticDataVersion([
        { ...HOLIDAY_RUNS, 2031: '0101 元旦' },
        MAKEUP_WORKDAY_RUNS,
        PUBLISHED_TAX_DEADLINES,
        LICENCE_CATALOGUE,
      ]),
      staticDataVersion([
        HOLIDAY_RUNS,
        { ...MAKEUP_WORKDAY_RUNS, 2031: '0104' },
        PUBLISHED_TAX_DEADLINES,
        LICENCE_CATALOGUE,
      ]),
      staticDataVersion([
        HOLIDAY_RUNS,
        MAKEUP_WORKDAY_RUNS,
        { ...PUBLISHED_TAX_DEADLINES, 2031: [] },
        LICENCE_CATALOGUE,
      ]),
    ]
    expect(new Set([shipped, ...changed]).size).toBe(4)
    const keys = await Promise.all([shipped, ...changed].map(async (v) => (await key(v)).key))
    expect(new Set(keys).size).toBe(4)
    expect(keys[0]).toBe(await keyNow())
  })

  it('a write to what the feed does not show (another enterprise, another user) keeps the key: still 304', async () => {
    const etag = String((await read(appA)).headers.etag)
    const key = await keyNow()
    await sql(`update licences set expires_on = expires_on + 1 where enterprise_id = $1`, [stranger])
    await sql(
      `insert into policy_favourites (user_id, policy_id)
       select u.id, p.id from users u, policies p where u.phone = $1 and p.status = 'published' limit 1
       on conflict do nothing`,
      [DEMO.rep],
    )
    expect(await keyNow()).toBe(key)
    expect((await read(appA, etag)).statusCode).toBe(304)
  })
})

describe('stamping under concurrent writers', () => {
  it('twelve transactions at once, writing an input and a row they share in either order, all commit and move the key', async () => {
    // The shared row (the owner's users row, not an input) is taken first by half of them, last by
    // the others. Were the stamp taken at the input's write rather than at commit, one would hold
    // the stamp and wait for the shared row while another holds the shared row and waits for the
    // stamp: a deadlock on PostgreSQL.
    const key = await keyNow()
    const input = (tx: Queryable, i: number) =>
      tx.query(
        `insert into compliance_item_states (enterprise_id, item_key, state, snoozed_until, updated_at)
         values ($1, $2, 'done', null, now())`,
        [other, `race:${i}`],
      )
    const shared = (tx: Queryable) => tx.query('update users set phone = phone where id = $1', [agentId])
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        testDb.db.transaction(async (tx) => {
          if (i % 2 === 0) {
            await input(tx, i)
            await new Promise((resolve) => setTimeout(resolve, 20))
            await shared(tx)
          } else {
            await shared(tx)
            await new Promise((resolve) => setTimeout(resolve, 20))
            await input(tx, i)
          }
        }),
      ),
    )
    expect(await keyNow()).not.toBe(key)
    const { rows } = await sql(`select count(*)::int as n from compliance_item_states where item_key like 'race:%'`)
    expect(rows[0]).toEqual({ n: 12 })
  })
})

describe('the feed’s inputs are all stamped', () => {
  /** Read afresh at every feed read, or written by the read itself. */
  const READ_LIVE = new Set(['calendar_feeds', 'user_enterprises', 'seal_grants', 'calendar_event_versions'])

  it('every table planning reads has a stamping trigger (migration 023) or is read at every read', async () => {
    const tables = new Set<string>()
    const db = new Proxy(testDb.db, {
      get(target, property, receiver) {
        if (property === 'query')
          return (text: string, params?: unknown[]) => {
            for (const match of text.matchAll(/\b(?:from|join)\s+([a-z_]+)/gi)) tables.add(match[1].toLowerCase())
            return target.query(text, params)
          }
        const value = Reflect.get(target, property, receiver)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    // A favourite closing in range, so that the policy kind reads everything it can.
    await planFeed(db, feedRow(), { today: day, now: new Date(chinaNoon(day)), uidHost: host })
    const { rows } = await sql(
      `select distinct c.relname from pg_trigger t join pg_class c on c.oid = t.tgrelid where t.tgname like 'calendar_feed_%'`,
    )
    const stamped = new Set(rows.map((row) => (row as { relname: string }).relname))
    const uncovered = [...tables].filter((t) => !stamped.has(t) && !READ_LIVE.has(t) && t !== 'unnest')
    expect(tables.size).toBeGreaterThan(8)
    expect(uncovered).toEqual([])
  })
})
