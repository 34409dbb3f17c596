/**
 * The feed half of issue #14 item 15: an agent keeping 50 enterprises (each with tax settings, a
 * penalty record and three licences) reads their 'all' calendar feed — every kind of deadline, a
 * year ahead — over real HTTP from the Fastify app listening on a local port, on in-memory PGlite.
 * Budget: p95 ≤ 50 ms. Run alone: `npx tsx bench/calendar-feed.ts`.
 */
import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { buildApp } from '../server/app'
import { loadConfig } from '../server/config'
import type { LoginResponse } from '../src/contract/account/schemas'
import type { CalendarFeedCreated } from '../server/contract-calendar'
import { migrate } from '../server/db/migrate'
import { openPglite } from '../server/db/pglite'
import { loadCatalogue } from '../server/licences/catalogue-store'
import { insertLicence } from '../server/licences/licence-repo'
import { storedDeadline } from '../server/licences/stored-deadline'
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
  /** Reads carrying the current ETag in If-None-Match (304, nothing rendered). */
  notModifiedP50Ms: number
  notModifiedP95Ms: number
}

const percentile = (sorted: readonly number[], q: number) => sorted[Math.floor(sorted.length * q)]

function uscc(i: number): string {
  const body = `FB${String(i).padStart(6, '0')}`
  const first17 = `91410100${body}${orgCodeCheckCharacter(body)}`
  return first17 + usccCheckCharacter(first17)
}

export async function benchCalendarFeed(log: (line: string) => void = console.log): Promise<CalendarFeedBenchResult> {
  const db = await openPglite('memory://')
  await migrate(db)
  await seedDemoData(db)
  const config = loadConfig({ NODE_ENV: 'test', SANDBOX: '1', ADMIN_API_KEY: 'bench-admin-key-0123456789' })
  const app = buildApp({ db, config })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  try {
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
      await db.query(
        `insert into compliance_profiles (enterprise_id, tax_settings, updated_at) values ($1, $2, now())`,
        [id, JSON.stringify({ vatPayer: i % 2 ? 'general' : 'small', hasEmployees: true, corporateIncomeTax: true })],
      )
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
    const path = new URL(feed.httpsUrl).pathname
    const firstStart = performance.now()
    let body = await (await fetch(`${origin}${path}`)).text()
    const firstMs = performance.now() - firstStart
    for (let i = 0; i < 10; i++) body = await (await fetch(`${origin}${path}`)).text() // warm-up
    const latencies: number[] = []
    for (let i = 0; i < READS; i++) {
      const start = performance.now()
      const res = await fetch(`${origin}${path}`)
      body = await res.text()
      if (res.status !== 200) throw new Error(`feed answered ${res.status}`)
      latencies.push(performance.now() - start)
    }
    latencies.sort((a, b) => a - b)
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
    const result = {
      enterprises: ENTERPRISES,
      events: (body.match(/BEGIN:VEVENT/g) ?? []).length,
      bytes: Buffer.byteLength(body),
      firstMs,
      p50Ms: percentile(latencies, 0.5),
      p95Ms: percentile(latencies, 0.95),
      notModifiedP50Ms: percentile(conditional, 0.5),
      notModifiedP95Ms: percentile(conditional, 0.95),
    }
    log(
      `calendar feed, agent with ${ENTERPRISES} enterprises, every kind: ${result.events} events, ${(result.bytes / 1024).toFixed(0)} KB; ` +
        `first read ${result.firstMs.toFixed(0)} ms; ${READS} repeat reads over HTTP: p50 ${result.p50Ms.toFixed(1)} ms, ` +
        `p95 ${result.p95Ms.toFixed(1)} ms (budget 50 ms); ${READS} reads with If-None-Match (304): ` +
        `p50 ${result.notModifiedP50Ms.toFixed(1)} ms, p95 ${result.notModifiedP95Ms.toFixed(1)} ms`,
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
