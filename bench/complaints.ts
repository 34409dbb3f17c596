/**
 * 有诉即办 submit throughput: POST /api/v1/complaints (Idempotency-Key, validation, insert, timeline
 * entry, the view back) through the real Fastify app listening on a local port, on in-memory
 * PGlite, at 20 concurrent clients — beside the floor of the same concurrency on GET /health (what
 * the HTTP stack alone allows on this machine) and a single client submitting one at a time.
 * Client and server share the process and its one event loop, as PGlite does; the figures are a
 * lower bound for a deployment with PostgreSQL. Run alone: `npx tsx bench/complaints.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../server/app'
import { loadConfig } from '../server/kernel/config'
import type { LoginResponse } from '../src/contract/account/schemas'
import { migrate } from '../server/kernel/db/migrate'
import { openPglite } from '../server/kernel/db/pglite'
import { seedDemoData } from '../server/seed/demo'
import { localDiskStorage } from '../server/kernel/storage/attachment-storage'
import { VALID_COMPLAINT } from '../tests/server/complaint-input'

const CLIENTS = 20
const SUBMITS = 1_000
const PHONES = ['13800000001', '13800000002', '13800000003']

const INPUT = VALID_COMPLAINT

interface Run {
  requests: number
  seconds: number
  perSecond: number
  p95Ms: number
}

/** `total` requests spread over `clients` loops, each waiting for its answer before the next. */
async function drive(clients: number, total: number, request: (i: number) => Promise<number>): Promise<Run> {
  let next = 0
  const latencies: number[] = []
  const started = performance.now()
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < total; i = next++) {
        const t = performance.now()
        const status = await request(i)
        if (status >= 300) throw new Error(`request ${i} answered ${status}`)
        latencies.push(performance.now() - t)
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  return {
    requests: total,
    seconds,
    perSecond: total / seconds,
    p95Ms: latencies[Math.floor(latencies.length * 0.95)],
  }
}

const fmt = (run: Run) =>
  `${run.perSecond.toFixed(0).padStart(6)} req/s  (${run.requests} in ${run.seconds.toFixed(2)} s, p95 ${run.p95Ms.toFixed(1)} ms)`

export async function benchComplaintSubmit(): Promise<{ submitPerSecond: number; healthPerSecond: number }> {
  const db = await openPglite('memory://')
  await migrate(db)
  await seedDemoData(db)
  const photos = mkdtempSync(join(tmpdir(), 'zqt-bench-attachments-'))
  const config = { ...loadConfig({ NODE_ENV: 'test', SANDBOX: '1', ADMIN_API_KEY: 'bench-admin-key-0123456789' }) }
  const app = buildApp({ db, config, attachmentStorage: localDiskStorage(photos) })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`
  try {
    const tokens: string[] = []
    for (const phone of PHONES) {
      const res = await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ platform: 'h5', code: `sandbox:${phone}`, consentVersion: '2025-01' }),
      })
      tokens.push(((await res.json()) as LoginResponse).token)
    }
    const submit = (key: string, i: number) =>
      fetch(`${base}/complaints`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${tokens[i % tokens.length]}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        body: JSON.stringify(INPUT),
      }).then(async (res) => (await res.arrayBuffer(), res.status))
    const health = () => fetch(`${base}/health`).then(async (res) => (await res.arrayBuffer(), res.status))

    await drive(CLIENTS, 100, (i) => submit(`warm-${i}`, i)) // JIT and PGlite caches
    const floor = await drive(CLIENTS, SUBMITS * 2, health)
    const concurrent = await drive(CLIENTS, SUBMITS, (i) => submit(`c20-${i}`, i))
    const single = await drive(1, SUBMITS / 5, (i) => submit(`c1-${i}`, i))
    const stored = await db.query<{ n: string }>('select count(*)::text as n from complaints')

    console.log(`complaint submit, PGlite, real HTTP on 127.0.0.1, ${CLIENTS} concurrent clients:`)
    console.log(`  GET /health (floor)     ${fmt(floor)}`)
    console.log(`  POST /complaints ×20    ${fmt(concurrent)}`)
    console.log(`  POST /complaints ×1     ${fmt(single)}`)
    console.log(
      `  submit / floor = ${(concurrent.perSecond / floor.perSecond).toFixed(3)}; ` +
        `20 clients / 1 client = ${(concurrent.perSecond / single.perSecond).toFixed(2)}×; ` +
        `${stored.rows[0].n} complaints stored (${100 + SUBMITS + SUBMITS / 5} expected)`,
    )
    return { submitPerSecond: concurrent.perSecond, healthPerSecond: floor.perSecond }
  } finally {
    await app.close()
    await db.close()
    rmSync(photos, { recursive: true, force: true })
  }
}

if (process.argv[1] !== undefined && /bench[\\/]complaints\.ts$/.test(process.argv[1])) {
  benchComplaintSubmit().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
