import { openTestDb, type TestDb } from './helpers'
import { openFuzzWorld, type FuzzWorld } from './fuzz/fuzz-world'
import { fuzzOperation, nameOf, operationsOf, seedFor, WriteWatch, type FuzzOperation } from './fuzz/openapi-fuzz'

/**
 * Every operation in the OpenAPI document gets generated bad requests — wrong types, U+0000, lone
 * surrogates, 100 KB strings, impossible dates, 9999-12-31, ids of the wrong shape, missing and
 * extra fields, broken percent-encoding — sent with real credentials so the handlers run. None may
 * answer 5xx, and none that is refused may have changed a row. The larger run: `npm run bench -- fuzz`.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 120)
const SEED = Number(process.env.FUZZ_SEED ?? 20260901)

let testDb: TestDb
let world: FuzzWorld
let watch: WriteWatch
let operations: FuzzOperation[]
const totals = { sent: 0, fiveHundreds: 0 }

beforeAll(async () => {
  testDb = await openTestDb({ seed: false })
  world = await openFuzzWorld(testDb.db)
  watch = new WriteWatch(testDb.db)
  await watch.start()
  operations = operationsOf((await world.app.inject({ method: 'GET', url: '/api/docs/json' })).json())
}, 60_000)

afterAll(async () => {
  console.log(
    `OpenAPI fuzz: ${totals.sent} generated requests over ${operations?.length} operations, ${totals.fiveHundreds} answered 5xx`,
  )
  await world?.close()
  await testDb?.close()
})

it('covers every operation the document lists', () => {
  expect(operations.length).toBeGreaterThan(70)
})

it('answers no generated bad request with a 5xx, and a refused one writes nothing', async () => {
  const failures: string[] = []
  for (const op of operations) {
    const report = await fuzzOperation(world, watch, op, RUNS, seedFor(op, SEED))
    totals.sent += report.sent
    totals.fiveHundreds += Object.entries(report.statuses)
      .filter(([status]) => Number(status) >= 500)
      .reduce((sum, [, n]) => sum + n, 0)
    failures.push(...report.failures.slice(0, 5).map((failure) => `${nameOf(op)}: ${failure}`))
  }
  expect(failures).toEqual([])
}, 300_000)
