import type { FastifyInstance } from 'fastify'
import ICAL from 'ical.js'
import * as endpoints from '../../src/contract/compliance/reminder-endpoints'
import * as esignEndpoints from '../../src/contract/esign/endpoints'
import type { EnterpriseSummary } from '../../src/contract/account/schemas'
import type { CalendarFeedCreated } from '../../src/contract/compliance/schemas'
import type { LicenceListResponse, LicenceView } from '../../src/contract/licences/schemas'
import type { CalendarEventSource } from '../../server/capabilities/compliance/calendar-feed/event-source'
import { EVENT_SOURCES, feedCalendar } from '../../server/capabilities/compliance/calendar-feed/feed-content'
import { feedBaseUrl } from '../../server/capabilities/compliance/calendar-feed/feed-urls'
import { loadConfig } from '../../server/kernel/config'
import { seedDemoData } from '../../server/seed/demo'
import { addDays } from '../../src/domain/calendar/dates'
import { requestOf } from './contract-request'
import { bearer, countRows, DEMO, expectError, loginSandbox, openTestDb, type TestDb } from './helpers'
import { appAt, makeEnterprise, makeLicence, makeUser } from './licences-kit'
import { PRODUCTION_SECRETS, productionConfig } from './production-env'

const TODAY = '2026-03-10'

let testDb: TestDb
let app: FastifyInstance
let repToken: string
let agentToken: string
let agentId: string
/** 许昌建丰: linked to both the legal representative and the agent. */
let shared: string
let repEnterprises: EnterpriseSummary[]

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token: string, payload?: unknown) =>
  app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), payload: payload as object })

async function createFeed(scope: string, token = repToken): Promise<CalendarFeedCreated> {
  const response = await app.inject({ ...requestOf(endpoints.createCalendarFeed, { scope }), headers: bearer(token) })
  expect(response.statusCode).toBe(201)
  return response.json()
}

/** The feed as a calendar app fetches it: no session, only the secret URL. */
const fetchFeed = (feed: CalendarFeedCreated, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url: new URL(feed.httpsUrl).pathname, headers })

interface ParsedEvent {
  uid: string
  date: string
  isDate: boolean
  summary: string
  sequence: number
  alarms: string[]
  alarmsRelated: unknown[]
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
      alarms: vevent.getAllSubcomponents('valarm').map((alarm) => String(alarm.getFirstPropertyValue('trigger'))),
      // RFC 5545 §3.8.6.3: without RELATED a trigger counts from DTSTART; END would put the
      // on-the-day alarm at 09:00 of the day after an all-day deadline.
      alarmsRelated: vevent
        .getAllSubcomponents('valarm')
        .map((alarm) => alarm.getFirstProperty('trigger')!.getParameter('related') ?? 'START'),
    }
  })
}

async function licencesOf(enterpriseId: string, token = repToken): Promise<LicenceView[]> {
  const response = await call('GET', `/enterprises/${enterpriseId}/licences`, token)
  expect(response.statusCode).toBe(200)
  return (response.json() as LicenceListResponse).items
}

/** What the API's timeline says a feed must hold: per live licence, its renewal deadline and expiry day. */
function expectedEvents(licences: LicenceView[], host: string): { uid: string; date: string }[] {
  return licences
    .filter((l) => l.status !== 'cancelled' && l.status !== 'expired')
    .flatMap((l) => [
      { uid: `licence-${l.id}-renewal-deadline@${host}`, date: l.latestApplyOn },
      { uid: `licence-${l.id}-expiry@${host}`, date: l.expiresOn },
    ])
    .sort((a, b) => a.uid.localeCompare(b.uid))
}

const uidsAndDates = (events: ParsedEvent[]) =>
  events.map(({ uid, date }) => ({ uid, date })).sort((a, b) => a.uid.localeCompare(b.uid))

beforeAll(async () => {
  testDb = await openTestDb({ seed: false })
  await seedDemoData(testDb.db, TODAY)
  app = await appAt(testDb.db, TODAY)
  repToken = (await loginSandbox(app, DEMO.rep)).token
  const agentLogin = await loginSandbox(app, DEMO.agent)
  agentToken = agentLogin.token
  agentId = agentLogin.user.id
  repEnterprises = (await call('GET', '/enterprises', repToken)).json()
  const agentList: EnterpriseSummary[] = (await call('GET', '/enterprises', agentToken)).json()
  shared = repEnterprises.find((e) => agentList.some((a) => a.id === e.id))!.id
})
afterAll(async () => {
  await app.close()
  await testDb.close()
})

describe('the feed', () => {
  it('holds every licence deadline the API lists, as all-day events with the reminder offsets as alarms', async () => {
    const feed = await createFeed('all')
    const host = new URL(feed.httpsUrl).host
    expect(feed.httpsUrl).toMatch(/^http:\/\/127\.0\.0\.1:10086\/calendar\/feed\/[A-Za-z0-9_-]{43}\.ics$/)
    expect(feed.webcalUrl).toBe(feed.httpsUrl.replace(/^http:/, 'webcal:'))
    // The link is the feed operation's path, as its descriptor states it.
    const [, token] = /\/([^/]+)$/.exec(new URL(feed.httpsUrl).pathname)!
    expect(new URL(feed.httpsUrl).pathname).toBe(requestOf(endpoints.getCalendarFeed, { file: token }).url)

    const response = await fetchFeed(feed)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8')
    expect(response.headers['cache-control']).toBe('private, no-cache')
    expect(response.headers.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/)

    const events = parse(response.body)
    const licences = (await Promise.all(repEnterprises.map((e) => licencesOf(e.id)))).flat()
    const expected = expectedEvents(licences, host)
    expect(expected.length).toBeGreaterThan(4)
    // The licence source's events (the compliance kinds are checked in compliance-feed.test.ts).
    expect(uidsAndDates(events.filter((e) => e.uid.startsWith('licence-')))).toEqual(expected)
    expect(events.every((e) => e.isDate && e.sequence === 0)).toBe(true)

    // A licence still counting down reminds at each default offset, at 09:00 on that day.
    const counting = licences.find((l) => l.status === 'renewal-due' || l.status === 'urgent')!
    const deadline = events.find((e) => e.uid === `licence-${counting.id}-renewal-deadline@${host}`)!
    expect(deadline.summary).toContain(`【续期申请截止】${counting.typeName}`)
    expect(deadline.alarms).toEqual(['-P59DT15H', '-P29DT15H', '-P14DT15H', '-P6DT15H', '-P2DT15H', '-PT15H'])
    // The expiry day reminds on the day itself, at 09:00.
    expect(events.find((e) => e.uid === `licence-${counting.id}-expiry@${host}`)!.alarms).toEqual(['PT9H'])
    expect(new Set(events.flatMap((e) => e.alarmsRelated))).toEqual(new Set(['START']))
    // Nothing personal: no phone or ID number of the holder.
    expect(response.body).not.toMatch(/1380000000\d|411002197803150371/)
  })

  it('answers 304 to a client holding the current ETag, and the full feed to one holding another', async () => {
    const feed = await createFeed('all')
    const first = await fetchFeed(feed)
    const etag = String(first.headers.etag)
    const again = await fetchFeed(feed, { 'if-none-match': etag })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
    expect(again.headers.etag).toBe(etag)
    expect((await fetchFeed(feed, { 'if-none-match': `"stale", W/${etag}` })).statusCode).toBe(304)
    const stale = await fetchFeed(feed, { 'if-none-match': '"something-else"' })
    expect(stale.statusCode).toBe(200)
    expect(stale.body).toBe(first.body)
  })

  it('gives a new ETag and body when only the alarms change (the ETag is derived from the facts, not the bytes)', async () => {
    const feed = await createFeed('all')
    const first = await fetchFeed(feed)
    const etag = String(first.headers.etag)
    const settings = (await call('GET', '/me/reminder-settings', repToken)).json()
    expect((await call('PUT', '/me/reminder-settings', repToken, { ...settings, offsets: [77] })).statusCode).toBe(200)
    try {
      const after = await fetchFeed(feed, { 'if-none-match': etag })
      expect(after.statusCode).toBe(200)
      expect(after.headers.etag).not.toBe(etag)
      expect(after.body).not.toBe(first.body)
      expect(after.body).toContain('TRIGGER:-P76DT15H')
      // Same events, same versions: only the alarms differ.
      const sequences = (body: string) => body.match(/^(UID|SEQUENCE|DTSTAMP):.*$/gm)
      expect(sequences(after.body)).toEqual(sequences(first.body))
    } finally {
      await call('PUT', '/me/reminder-settings', repToken, settings)
    }
    expect((await fetchFeed(feed, { 'if-none-match': etag })).statusCode).toBe(304)
  })

  it('bumps SEQUENCE once when a deadline moves, however many calendars read the change at once', async () => {
    // An enterprise and a reader of its own: the moved deadline stays out of the demo feeds that
    // other tests expect at SEQUENCE 0.
    const phone = '13900000076'
    const { id: enterpriseId } = await makeEnterprise(testDb.db)
    await makeUser(testDb.db, { phone, links: [{ enterpriseId }] })
    await makeLicence(testDb.db, enterpriseId, { deadline: '2026-12-01' })
    await makeLicence(testDb.db, enterpriseId, { deadline: '2027-03-01' })
    const token = (await loginSandbox(app, phone)).token
    const feed = await createFeed(enterpriseId, token)
    const host = new URL(feed.httpsUrl).host
    const licence = (await licencesOf(enterpriseId, token)).find((l) => l.status === 'valid')!
    const uid = `licence-${licence.id}-renewal-deadline@${host}`
    const sequenceOf = async () => parse((await fetchFeed(feed)).body).find((e) => e.uid === uid)!
    const before = await sequenceOf()
    const etag = String((await fetchFeed(feed)).headers.etag)

    const moved = await call('PUT', `/licences/${licence.id}`, token, {
      typeCode: licence.typeCode,
      number: licence.number,
      authority: licence.authority,
      issuedOn: licence.issuedOn,
      expiresOn: addDays(licence.expiresOn, 35),
      scope: licence.scope ?? '',
    })
    expect(moved.statusCode).toBe(200)
    const movedView: LicenceView = moved.json()

    const reads = await Promise.all(Array.from({ length: 12 }, () => fetchFeed(feed)))
    expect(reads.every((r) => r.statusCode === 200)).toBe(true)
    const after = await sequenceOf()
    expect(after.date).toBe(movedView.latestApplyOn)
    expect(after.date).not.toBe(before.date)
    expect(after.sequence).toBe(before.sequence + 1)
    expect((await fetchFeed(feed, { 'if-none-match': etag })).statusCode).toBe(200)
    // Reading again changes nothing.
    expect((await sequenceOf()).sequence).toBe(before.sequence + 1)
    // Untouched licences keep theirs.
    const others = parse((await fetchFeed(feed)).body).filter((e) => !e.uid.startsWith(`licence-${licence.id}-`))
    expect(others.every((e) => e.sequence === 0)).toBe(true)
  })
})

describe('revoking and regenerating', () => {
  it('a regenerated link works at once and the old one answers 404; a stopped one 404s too', async () => {
    const old = await createFeed('all')
    const fresh = await createFeed('all')
    expect(fresh.httpsUrl).not.toBe(old.httpsUrl)
    expectError(await fetchFeed(old), 404, 'CALENDAR_FEED_NOT_FOUND')
    expect((await fetchFeed(fresh)).statusCode).toBe(200)

    const listed = (await app.inject({ ...requestOf(endpoints.listCalendarFeeds), headers: bearer(repToken) })).json()
    expect(listed.feeds.filter((f: { scope: string }) => f.scope === 'all')).toHaveLength(1)
    expect(JSON.stringify(listed)).not.toContain(new URL(fresh.httpsUrl).pathname)

    expect(
      (await app.inject({ ...requestOf(endpoints.deleteCalendarFeed, { scope: 'all' }), headers: bearer(repToken) }))
        .statusCode,
    ).toBe(204)
    expectError(await fetchFeed(fresh), 404, 'CALENDAR_FEED_NOT_FOUND')
    expectError(
      await app.inject({ ...requestOf(endpoints.deleteCalendarFeed, { scope: 'all' }), headers: bearer(repToken) }),
      404,
      'CALENDAR_FEED_NOT_FOUND',
    )
  })

  it('twelve regenerations at once leave one feed and exactly one working link', async () => {
    const responses = await Promise.all(
      Array.from({ length: 12 }, () =>
        app.inject({ ...requestOf(endpoints.createCalendarFeed, { scope: shared }), headers: bearer(repToken) }),
      ),
    )
    expect(responses.map((r) => r.statusCode)).toEqual(Array(12).fill(201))
    const reads = await Promise.all(responses.map((r) => fetchFeed(r.json())))
    expect(reads.filter((r) => r.statusCode === 200)).toHaveLength(1)
    expect(reads.filter((r) => r.statusCode === 404)).toHaveLength(11)
    const { rows } = await testDb.db.query<{ n: number }>(
      `select count(*)::int as n from calendar_feeds f join users u on u.id = f.user_id
       where u.phone = $1 and f.scope = $2`,
      [DEMO.rep, shared],
    )
    expect(rows[0].n).toBe(1)
  })

  it('an enterprise id in capitals is the same scope, as every other id in a path', async () => {
    const upper = await app.inject({
      ...requestOf(endpoints.createCalendarFeed, { scope: shared.toUpperCase() }),
      headers: bearer(repToken),
    })
    expect(upper.statusCode).toBe(201)
    expect(upper.json().scope).toBe(shared)
    expect((await fetchFeed(upper.json())).statusCode).toBe(200)
    expect(
      (
        await app.inject({
          ...requestOf(endpoints.deleteCalendarFeed, { scope: shared.toUpperCase() }),
          headers: bearer(repToken),
        })
      ).statusCode,
    ).toBe(204)
    expectError(await fetchFeed(upper.json()), 404, 'CALENDAR_FEED_NOT_FOUND')
  })

  it('unknown, malformed and extension-less tokens are the same 404', async () => {
    const feed = await createFeed('all')
    const path = new URL(feed.httpsUrl).pathname
    for (const url of [
      requestOf(endpoints.getCalendarFeed, { file: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics' }).url,
      requestOf(endpoints.getCalendarFeed, { file: 'short.ics' }).url,
      path.replace(/\.ics$/, ''),
      `${path}x`,
    ]) {
      expectError(await app.inject({ method: 'GET', url }), 404, 'CALENDAR_FEED_NOT_FOUND')
    }
  })
})

describe('who may see what', () => {
  it('an enterprise the reader may no longer act for is gone from the very next read', async () => {
    const feed = await createFeed('all', agentToken)
    const sharedLicences = await licencesOf(shared, agentToken)
    const has = (body: string) => sharedLicences.some((l) => body.includes(`licence-${l.id}-`))
    expect(has((await fetchFeed(feed)).body)).toBe(true)

    const removed = await app.inject({
      ...requestOf(esignEndpoints.removeEnterpriseMember, { enterpriseId: shared, userId: agentId }),
      headers: bearer(repToken),
    })
    expect(removed.statusCode).toBeLessThan(300)
    const after = await fetchFeed(feed)
    expect(after.statusCode).toBe(200)
    expect(has(after.body)).toBe(false)
    expect(parse(after.body).length).toBeGreaterThan(0)
  })

  it('withdrawing privacy consent stops every feed of the user, as it ends every session', async () => {
    const user = await makeUser(testDb.db, {
      phone: '13900000079',
      links: [{ enterpriseId: shared, role: 'legal_representative' }],
    })
    expect(user).toBeTruthy()
    const token = (await loginSandbox(app, '13900000079')).token
    const feeds = [await createFeed('all', token), await createFeed(shared, token)]
    for (const feed of feeds) expect((await fetchFeed(feed)).statusCode).toBe(200)

    const withdrawn = await call('PUT', '/me/consent', token, { accepted: false, version: '2025-01' })
    expect(withdrawn.statusCode).toBe(200)
    for (const feed of feeds) expectError(await fetchFeed(feed), 404, 'CALENDAR_FEED_NOT_FOUND')
    // Accepting again (a new login) does not bring the old links back.
    const again = (await loginSandbox(app, '13900000079')).token
    expect((await call('GET', '/me/calendar-feeds', again)).json()).toEqual({ feeds: [] })
    for (const feed of feeds) expectError(await fetchFeed(feed), 404, 'CALENDAR_FEED_NOT_FOUND')
  })

  it('a handler without licence rights, a stranger and a bad scope are refused; no session is 401', async () => {
    await createFeed('all')
    const feeds = await countRows(testDb.db, 'calendar_feeds')
    const handlerId = await makeUser(testDb.db, {
      phone: '13900000077',
      links: [{ enterpriseId: shared, role: 'handler' }],
    })
    const handlerToken = (await loginSandbox(app, '13900000077')).token
    expect(handlerId).toBeTruthy()
    expectError(await call('POST', `/me/calendar-feeds/${shared}`, handlerToken), 403, 'ENTERPRISE_FORBIDDEN')
    const stranger = (await loginSandbox(app, '13900000078')).token
    expectError(await call('POST', `/me/calendar-feeds/${shared}`, stranger), 403, 'ENTERPRISE_FORBIDDEN')
    expectError(await call('POST', '/me/calendar-feeds/everything', repToken), 400, 'VALIDATION_FAILED')
    expectError(await app.inject({ method: 'POST', url: `/api/v1/me/calendar-feeds/all` }), 401, 'UNAUTHORIZED')
    // Nothing refused was written.
    expect(await countRows(testDb.db, 'calendar_feeds')).toBe(feeds)
  })
})

describe('a kind of deadline is one more event source', () => {
  /** A stand-in for a later kind whose action handlers have (seals:view): one event per enterprise. */
  const sealSource: CalendarEventSource = {
    kind: 'seal',
    action: 'seals:view',
    async events(_context, enterprises) {
      return enterprises.map((e) => ({
        key: `seal-${e.id}-review`,
        date: '2026-06-01',
        summary: `【印章年检】${e.name}`,
        description: '',
        alarmDaysBefore: [7],
      }))
    },
  }

  it("a handler sees a source's events only while their grant is live: revoked, gone at the next read", async () => {
    const handler = await makeUser(testDb.db, { links: [{ enterpriseId: shared, role: 'handler' }] })
    const { rows } = await testDb.db.query<{ id: string }>(
      `insert into seal_grants (id, enterprise_id, grantee_user_id, valid_until, accepted_at)
       values (gen_random_uuid(), $1, $2, now() + interval '30 days', now()) returning id`,
      [shared, handler],
    )
    const read = async () =>
      parse(
        await feedCalendar(
          testDb.db,
          { user_id: handler, enterprise_id: null },
          { today: TODAY, now: new Date('2026-03-10T04:00:00Z'), uidHost: 'test' },
          [...EVENT_SOURCES, sealSource],
        ),
      ).map((e) => e.uid)
    // Licences stay out (a handler may not read them); the seal source's event is in.
    expect(await read()).toEqual([`seal-${shared}-review@test`])
    await testDb.db.query('update seal_grants set revoked_at = now() where id = $1', [rows[0].id])
    expect(await read()).toEqual([])
  })
})

describe('the public address (PUBLIC_BASE_URL)', () => {
  it('production takes only an https origin, and without one hands out no link', () => {
    expect(feedBaseUrl(productionConfig({ PUBLIC_BASE_URL: 'https://zqt.example.gov.cn' }))).toBe(
      'https://zqt.example.gov.cn',
    )
    expect(feedBaseUrl(productionConfig())).toBeNull()
    expect(() => productionConfig({ PUBLIC_BASE_URL: 'http://zqt.example.gov.cn' })).toThrow(/PUBLIC_BASE_URL/)
    expect(() => productionConfig({ PUBLIC_BASE_URL: 'https://zqt.example.gov.cn/app' })).toThrow(/PUBLIC_BASE_URL/)
    expect(
      feedBaseUrl(
        loadConfig({ NODE_ENV: 'development', ...PRODUCTION_SECRETS, PUBLIC_BASE_URL: 'http://10.0.0.2:8080' }),
      ),
    ).toBe('http://10.0.0.2:8080')
  })
})
