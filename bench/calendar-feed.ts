/**
 * The feed half of issue #14 item 15: an agent keeping 50 enterprises (each with tax settings, a
 * penalty record and three licences) reads their 'all' calendar feed — every kind of deadline, a
 * year ahead — over real HTTP from the Fastify app listening on a local port, on in-memory PGlite.
 * Budget: p95 ≤ 50 ms. Run alone: `npx tsx bench/calendar-feed.ts`.
 */
import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { buildApp } from '../server/app'
import { loadConfig } from '../server/kernel/config'
import type { LoginResponse } from '../src/contract/account/schemas'
import { migrate } from '../server/kernel/db/migrate'
import { openPglite } from '../server/kernel/db/pglite'
import { loadCatalogue } from '../server/capabilities/licences/catalogue-store'
import { insertLicence } from '../server/capabilities/licences/licence-repo'
import { storedDeadline } from '../server/capabilities/licences/stored-deadline'
import type { CalendarFeedCreated } from '../src/contract/compliance/schemas'
import { orgCodeCheckCharacter, seedDemoData } from '../server/seed/demo'
import { addDays, chinaDateOf } from '../src/domain/calendar/dates'
import { usccCheckCharacter } from '../src/domain/uscc'

const ENTERPRISES = 50
const READS = Number(process.env.BENCH_READS ?? 200)
const AGENT_PHONE = '13800000002'

export interface CalendarFeedBenchResult {
  enterprises: number
  events: number
  bytes: number
  /** The feed's first read: every version row inserted, the body rendered. */
  firstMs: number
  p50Ms: number
  p95Ms: number
  /** The same reads accepting gzip (decompressed by the client, in this process). */
  gzipP50Ms: number
  gzipP95Ms: number
  /** Reads carrying the current ETag in If-None-Match (304, nothing rendered). */
  notModifiedP50Ms: number
  notModifiedP95Ms: number
  /** Reads right after a change to one enterprise's inputs (a deadline marked 已办, then 撤销): planned and rendered again. */
  changedP50Ms: number
  changedP95Ms: number
}

/** Reads after a change: fewer, each plans and renders the whole feed. */
const CHANGED_READS = Number(process.env.BENCH_CHANGED_READS ?? 20)

const percentile = (sorted: readonly number[], q: number) => sorted[Math.floor(sorted.length * q)]

function uscc(i: number): string {
  const body = `FB${String(i).padStart(6, '0')}`
  const first17 = `91410100${body}${orgCodeCheckCharacter(body)}`
  return first17 + usccCheckCharacter(first17)
}

export interface AgentFeed {
  db: Awaited<ReturnType<typeof openPglite>>
  app: ReturnType<typeof buildApp>
  origin: string
  /** The feed's path (its secret token in it). */
  path: string
  userId: string
}

/** The app listening on a local port, the agent and their 50 enterprises seeded, the 'all' feed made (not read yet). */
export async function setUpAgentFeed(): Promise<AgentFeed> {
  const db = await openPglite('memory://')
  await migrate(db)
  await seedDemoData(db)
  const config = loadConfig({ NODE_ENV: 'test', SANDBOX: '1', ADMIN_API_KEY: 'bench-admin-key-0123456789' })
  const app = buildApp({ db, config })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  const login = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ platform: 'h5', code: `sandbox:${AGENT_PHONE}`, consentVersion: '2025-01' }),
  })
  const { token, user } = (await login.json()) as LoginResponse
  const catalogue = await loadCatalogue(db)
  const types = catalogue.active.slice(0, 3)
  const today = chinaDateOf(Date.now())
  const { rows: linked } = await db.query<{ n: number }>(
    'select count(*)::int as n from user_enterprises where user_id = $1',
    [user.id],
  )
  for (let i = Number(linked[0].n); i < ENTERPRISES; i++) {
    const id = randomUUID()
    await db.query(
      `insert into enterprises (id, name, uscc, legal_representative, industry_code, industry_name, address, region,
         registered_capital_wan, founded_on)
       values ($1, $2, $3, '测试', 'C1432', '速冻食品制造', '河南省许昌市', '河南省许昌市魏都区', 100, '2018-01-01')`,
      [id, `代账客户${i}有限公司`, uscc(i)],
    )
    await db.query(`insert into user_enterprises (user_id, enterprise_id, role) values ($1, $2, 'agent')`, [
      user.id,
      id,
    ])
    await db.query(`insert into compliance_profiles (enterprise_id, tax_settings, updated_at) values ($1, $2, now())`, [
      id,
      JSON.stringify({ vatPayer: i % 2 ? 'general' : 'small', hasEmployees: true, corporateIncomeTax: true }),
    ])
    await db.query(
      `insert into compliance_penalties (id, enterprise_id, decided_on, field, simple_procedure, created_at)
       values ($1, $2, $3, 'general', false, now())`,
      [randomUUID(), id, addDays(today, -30 - i)],
    )
    for (const [k, type] of types.entries()) {
      const expiresOn = addDays(today, 40 + i * 7 + k * 60)
      await insertLicence(
        db,
        id,
        {
          typeCode: type.code,
          number: `FB-${i}-${k}`,
          authority: '许昌市',
          issuedOn: '2024-01-01',
          expiresOn,
          scope: null,
        },
        storedDeadline(expiresOn, type.leadRule),
      )
    }
  }
  const made = await fetch(`${origin}/api/v1/me/calendar-feeds/all`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  })
  const feed = (await made.json()) as CalendarFeedCreated
  return { db, app, origin, path: new URL(feed.httpsUrl).pathname, userId: user.id }
}

export async function benchCalendarFeed(log: (line: string) => void = console.log): Promise<CalendarFeedBenchResult> {
  const { db, app, origin, path, userId } = await setUpAgentFeed()
  try {
    const firstStart = performance.now()
    let body = await (await fetch(`${origin}${path}`)).text()
    const firstMs = performance.now() - firstStart
    for (let i = 0; i < 10; i++) body = await (await fetch(`${origin}${path}`)).text() // warm-up
    const latencies: number[] = []
    // Uncompressed (as every read before the feed offered gzip), then gzipped: on loopback, with the
    // client in this process, gunzipping 1.8 MB costs the client more than the bytes it saves.
    const gzipped: number[] = []
    for (let i = 0; i < READS; i++) {
      for (const [encoding, into] of [
        ['identity', latencies],
        ['gzip', gzipped],
      ] as const) {
        const start = performance.now()
        const res = await fetch(`${origin}${path}`, { headers: { 'accept-encoding': encoding } })
        body = await res.text()
        if (res.status !== 200) throw new Error(`feed answered ${res.status}`)
        into.push(performance.now() - start)
      }
    }
    latencies.sort((a, b) => a - b)
    gzipped.sort((a, b) => a - b)
    const etag = (await fetch(`${origin}${path}`)).headers.get('etag') ?? ''
    const conditional: number[] = []
    for (let i = 0; i < READS; i++) {
      const start = performance.now()
      const res = await fetch(`${origin}${path}`, { headers: { 'if-none-match': etag } })
      await res.arrayBuffer()
      if (res.status !== 304) throw new Error(`conditional read answered ${res.status}`)
      conditional.push(performance.now() - start)
    }
    conditional.sort((a, b) => a - b)
    const { rows: someone } = await db.query<{ enterprise_id: string; id: string }>(
      `select l.enterprise_id, l.id from licences l join user_enterprises u on u.enterprise_id = l.enterprise_id
       where u.user_id = $1 and l.deleted_at is null and l.expires_on > current_date order by l.id limit 1`,
      [userId],
    )
    const changed: number[] = []
    let held = etag
    for (let i = 0; i < CHANGED_READS; i++) {
      // The same write an app's 已办 / 撤销 makes: the feed must show it at its next read.
      if (i % 2 === 0)
        await db.query(
          `insert into compliance_item_states (enterprise_id, item_key, state, snoozed_until, updated_at)
           values ($1, $2, 'done', null, now())`,
          [someone[0].enterprise_id, `licence:${someone[0].id}:expiry`],
        )
      else await db.query('delete from compliance_item_states where enterprise_id = $1', [someone[0].enterprise_id])
      const start = performance.now()
      // The calendar holds the last version it read.
      const res = await fetch(`${origin}${path}`, { headers: { 'if-none-match': held } })
      await res.arrayBuffer()
      if (res.status !== 200) throw new Error(`read after a change answered ${res.status}`)
      held = res.headers.get('etag') ?? ''
      changed.push(performance.now() - start)
    }
    changed.sort((a, b) => a - b)
    const result = {
      enterprises: ENTERPRISES,
      events: (body.match(/BEGIN:VEVENT/g) ?? []).length,
      bytes: Buffer.byteLength(body),
      firstMs,
      p50Ms: percentile(latencies, 0.5),
      p95Ms: percentile(latencies, 0.95),
      gzipP50Ms: percentile(gzipped, 0.5),
      gzipP95Ms: percentile(gzipped, 0.95),
      notModifiedP50Ms: percentile(conditional, 0.5),
      notModifiedP95Ms: percentile(conditional, 0.95),
      changedP50Ms: percentile(changed, 0.5),
      changedP95Ms: percentile(changed, 0.95),
    }
    log(
      `calendar feed, agent with ${ENTERPRISES} enterprises, every kind: ${result.events} events, ${(result.bytes / 1024).toFixed(0)} KB; ` +
        `first read ${result.firstMs.toFixed(0)} ms; ${READS} repeat reads over HTTP (uncompressed): p50 ${result.p50Ms.toFixed(1)} ms, ` +
        `p95 ${result.p95Ms.toFixed(1)} ms (budget 50 ms), accepting gzip p50 ${result.gzipP50Ms.toFixed(1)} ms, ` +
        `p95 ${result.gzipP95Ms.toFixed(1)} ms; ${READS} reads with If-None-Match (304): ` +
        `p50 ${result.notModifiedP50Ms.toFixed(1)} ms, p95 ${result.notModifiedP95Ms.toFixed(1)} ms; ` +
        `${CHANGED_READS} reads after a change (planned and rendered again): ` +
        `p50 ${result.changedP50Ms.toFixed(0)} ms, p95 ${result.changedP95Ms.toFixed(0)} ms`,
    )
    return result
  } finally {
    await app.close()
    await db.close()
  }
}

if (process.argv[1] !== undefined && /bench[\\/]calendar-feed\.ts$/.test(process.argv[1])) {
  benchCalendarFeed().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
