import type { FastifyInstance } from 'fastify'
import ICAL from 'ical.js'
import type { EnterpriseSummary } from '../../src/contract/account/schemas'
import type { CalendarFeedCreated } from '../../src/contract/compliance/schemas'
import type { TimelineItem, TimelineResponse } from '../../src/contract/compliance/schemas'
import { seedDemoData } from '../../server/seed/demo'
import { addDays } from '../../src/domain/calendar/dates'
import { VALID_COMPLAINT } from './complaint-input'
import { bearer, DEMO, loginSandbox, openTestDb, type TestDb } from './helpers'
import { appAt } from './licences-kit'

const TODAY = '2026-03-10'
const POLICY_ID = 'feed-test-window'

let testDb: TestDb
let app: FastifyInstance
let agentToken: string
let agentId: string
let enterprises: EnterpriseSummary[]

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers = {}) =>
  app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...bearer(agentToken), ...headers },
    payload: payload as object,
  })

interface ParsedEvent {
  uid: string
  date: string
  isDate: boolean
  summary: string
  sequence: number
}

/** Parsed by ical.js, a maintained RFC 5545 parser, not by our own code. */
function parse(body: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(body))
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time
    return {
      uid: String(vevent.getFirstPropertyValue('uid')),
      date: start.toString(),
      isDate: start.isDate,
      summary: String(vevent.getFirstPropertyValue('summary')),
      sequence: Number(vevent.getFirstPropertyValue('sequence')),
    }
  })
}

/** The feed's UID of a timeline item (licences keep the UIDs they had before the compliance kinds). */
function uidOf(item: TimelineItem, host: string): string {
  const key = item.key.replace(/:/g, '-')
  return item.kind === 'licence' ? `${key}@${host}` : `${item.kind}-${item.enterpriseId}-${key}@${host}`
}

async function feedFor(scope: string): Promise<CalendarFeedCreated> {
  const response = await call('POST', `/me/calendar-feeds/${scope}`)
  expect(response.statusCode).toBe(201)
  return response.json()
}

async function readFeed(feed: CalendarFeedCreated): Promise<ParsedEvent[]> {
  const response = await app.inject({ method: 'GET', url: new URL(feed.httpsUrl).pathname })
  expect(response.statusCode).toBe(200)
  return parse(response.body)
}

async function timeline(): Promise<TimelineItem[]> {
  const response = await call('GET', `/me/compliance/timeline?from=${TODAY}&to=${addDays(TODAY, 365)}`)
  expect(response.statusCode).toBe(200)
  return (response.json() as TimelineResponse).items
}

beforeAll(async () => {
  testDb = await openTestDb({ seed: false })
  await seedDemoData(testDb.db, TODAY)
  app = await appAt(testDb.db, TODAY)
  const login = await loginSandbox(app, DEMO.agent)
  agentToken = login.token
  agentId = login.user.id
  enterprises = (await call('GET', '/enterprises')).json()
  const [a, b, c] = enterprises
  // Every kind: tax returns for a, a penalty for b, a favourite policy window, an own complaint.
  expect(
    (
      await call('PUT', `/enterprises/${a.id}/compliance/settings`, {
        entityType: 'enterprise',
        tax: { vatPayer: 'small', hasEmployees: true, corporateIncomeTax: true },
      })
    ).statusCode,
  ).toBe(200)
  expect(
    (
      await call('POST', `/enterprises/${b.id}/compliance/penalties`, {
        decidedOn: '2026-01-15',
        field: 'fire-safety',
        simpleProcedure: false,
      })
    ).statusCode,
  ).toBe(201)
  const { rows } = await testDb.db.query<{ body: Record<string, unknown> }>(
    "select body from policies where status = 'published' limit 1",
  )
  const body = {
    ...rows[0].body,
    id: POLICY_ID,
    title: '订阅测试政策',
    applicationWindow: { opensOn: '2026-03-01', closesOn: '2026-04-30' },
  }
  await testDb.db.query(
    "insert into policies (id, status, body, published_at) values ($1, 'published', $2::jsonb, now())",
    [POLICY_ID, JSON.stringify(body)],
  )
  await testDb.db.query('insert into policy_favourites (user_id, policy_id) values ($1, $2)', [agentId, POLICY_ID])
  await testDb.db.query('update users set current_enterprise_id = $2 where id = $1', [agentId, c.id])
  const complaint = await call('POST', '/complaints', VALID_COMPLAINT, { 'idempotency-key': 'feed-complaint-1' })
  expect(complaint.statusCode).toBe(201)
  // Seeding and the first plans take seconds on the shared machine.
}, 120_000)
afterAll(async () => {
  await app.close()
  await testDb.close()
})

describe('the feed and the timeline API', () => {
  it('hold the same deadlines: every kind, every event checked against the API', async () => {
    const feed = await feedFor('all')
    const host = new URL(feed.httpsUrl).host
    const events = await readFeed(feed)
    const items = await timeline()
    expect(new Set(items.map((i) => i.kind))).toEqual(
      new Set(['licence', 'annual-report', 'tax-filing', 'credit-repair', 'policy-window', 'complaint']),
    )
    const byUid = new Map(events.map((e) => [e.uid, e]))
    for (const item of items) {
      const event = byUid.get(uidOf(item, host))
      expect(event).toBeDefined()
      expect(event!.date).toBe(item.date)
      expect(event!.isDate).toBe(true)
      expect(event!.summary).toContain(item.enterpriseName)
    }
    // And nothing in the feed the API does not list (licences: every live one, also outside the range).
    const listed = new Set(items.map((i) => uidOf(i, host)))
    const end = addDays(TODAY, 365)
    const unlisted = events.filter(
      (e) => !listed.has(e.uid) && !(e.uid.startsWith('licence-') && (e.date > end || e.date < TODAY)),
    )
    expect(unlisted).toEqual([])
  })

  it('a 年报 marked 已报送 leaves the feed; 撤销 brings it back', async () => {
    const feed = await feedFor('all')
    const host = new URL(feed.httpsUrl).host
    const id = enterprises[1].id
    const uid = `annual-report-${id}-annual-report-2025@${host}`
    expect((await readFeed(feed)).map((e) => e.uid)).toContain(uid)
    const url = `/enterprises/${id}/compliance/items/${encodeURIComponent('annual-report:2025')}/state`
    expect((await call('PUT', url, { state: 'done' })).statusCode).toBe(204)
    expect((await readFeed(feed)).map((e) => e.uid)).not.toContain(uid)
    expect((await timeline()).map((i) => i.key + i.enterpriseId)).not.toContain(`annual-report:2025${id}`)
    expect((await call('DELETE', url)).statusCode).toBe(204)
    expect((await readFeed(feed)).map((e) => e.uid)).toContain(uid)
  })

  it('a changed deadline bumps SEQUENCE; a revoked URL answers 404', async () => {
    const scope = enterprises[0].id
    const feed = await feedFor(scope)
    const host = new URL(feed.httpsUrl).host
    const uid = `policy-window-${scope}-policy-${POLICY_ID}@${host}`
    const before = (await readFeed(feed)).find((e) => e.uid === uid)!
    expect(before).toMatchObject({ date: '2026-04-30', sequence: 0 })
    await testDb.db.query(
      `update policies set body = jsonb_set(body, '{applicationWindow,closesOn}', '"2026-05-15"') where id = $1`,
      [POLICY_ID],
    )
    const after = (await readFeed(feed)).find((e) => e.uid === uid)!
    expect(after).toMatchObject({ date: '2026-05-15', sequence: 1 })
    // Reading again without a change keeps the sequence.
    expect((await readFeed(feed)).find((e) => e.uid === uid)!.sequence).toBe(1)

    expect((await call('DELETE', `/me/calendar-feeds/${scope}`)).statusCode).toBe(204)
    const revoked = await app.inject({ method: 'GET', url: new URL(feed.httpsUrl).pathname })
    expect(revoked.statusCode).toBe(404)
    expect(revoked.json().code).toBe('CALENDAR_FEED_NOT_FOUND')
  })
})
