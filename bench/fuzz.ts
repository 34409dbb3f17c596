/**
 * The OpenAPI fuzz at a larger size than `npm test` runs it (tests/server/openapi-fuzz.test.ts):
 * every operation of the document, FUZZ_RUNS generated bad requests each (default 1,000) with real
 * credentials, on in-memory PGlite. Prints requests sent, the answers by status class, 5xx seen,
 * refused requests that wrote rows and refusals not in the {code, message} shape (all must be 0; the
 * process fails otherwise).
 * Run alone: `npx tsx bench/fuzz.ts`; another seed: `FUZZ_SEED=7 npm run bench -- fuzz`; some
 * operations only: `FUZZ_ONLY=seal-verif npx tsx bench/fuzz.ts`.
 */
import { migrate } from '../server/kernel/db/migrate'
import { openPglite } from '../server/kernel/db/pglite'
import { openFuzzWorld } from '../tests/server/fuzz/fuzz-world'
import { fuzzOperation, operationsOf, seedFor, WriteWatch } from '../tests/server/fuzz/openapi-fuzz'

export async function benchFuzz(): Promise<{ sent: number; failures: number }> {
  const runs = Number(process.env.FUZZ_RUNS ?? 1000)
  const seed = Number(process.env.FUZZ_SEED ?? 1)
  const db = await openPglite('memory://')
  await migrate(db)
  const world = await openFuzzWorld(db)
  const watch = new WriteWatch(db)
  await watch.start()
  const only = new RegExp(process.env.FUZZ_ONLY ?? '')
  const operations = operationsOf((await world.app.inject({ method: 'GET', url: '/api/docs/json' })).json()).filter(
    (op) => only.test(`${op.method} ${op.path}`),
  )
  const byClass: Record<string, number> = {}
  const failures: string[] = []
  let sent = 0
  const started = performance.now()
  for (const op of operations) {
    const report = await fuzzOperation(world, watch, op, runs, seedFor(op, seed))
    sent += report.sent
    for (const [status, n] of Object.entries(report.statuses)) {
      const kind = status === 'unsent' ? status : `${status[0]}xx`
      byClass[kind] = (byClass[kind] ?? 0) + n
    }
    failures.push(...report.failures.map((failure) => `${report.operation}: ${failure}`))
  }
  const seconds = (performance.now() - started) / 1000
  await world.close()
  await db.close()
  const fiveHundreds = byClass['5xx'] ?? 0
  console.log(`operations             ${operations.length} (runs ${runs} each, seed ${seed})`)
  console.log(`generated requests     ${sent} in ${seconds.toFixed(1)} s (${Math.round(sent / seconds)}/s)`)
  console.log(`answers                ${JSON.stringify(byClass)}`)
  console.log(`5xx seen               ${fiveHundreds}`)
  console.log(`refused but wrote      ${failures.filter((f) => f.includes(' but wrote ')).length}`)
  console.log(`not in the error shape ${failures.filter((f) => f.includes("not in the API's error shape")).length}`)
  for (const failure of failures.slice(0, 40)) console.log(`  ${failure.slice(0, 600)}`)
  if (failures.length > 0) process.exitCode = 1
  return { sent, failures: failures.length }
}

if (process.argv[1] !== undefined && /bench[\\/]fuzz\.ts$/.test(process.argv[1])) {
  benchFuzz().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
