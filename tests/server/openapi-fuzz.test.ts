import { openTestDb, type TestDb } from './helpers'
import { openFuzzWorld, type FuzzWorld } from './fuzz/fuzz-world'
import { fuzzOperation, nameOf, operationsOf, seedFor, WriteWatch, type FuzzOperation } from './fuzz/openapi-fuzz'

/**
 * Every operation in the OpenAPI document gets generated bad requests — wrong types, U+0000, lone
 * surrogates, 100 KB strings, impossible dates, 9999-12-31, ids of the wrong shape, missing and
 * extra fields, broken percent-encoding — sent with real credentials so the handlers run. None may
 * answer 5xx, and none that is refused may have changed a row. The larger run: `npm run bench -- fuzz`.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 100)
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

it('notices a refused request that writes: the watch is not blind', async () => {
  // A wrong signing PIN is refused and counted (server/capabilities/esign/seals/pin.ts) — by design, and visible here.
  const [enterpriseId] = (
    await world.app.inject({ method: 'GET', url: '/api/v1/enterprises', headers: world.auth.rep })
  ).json()
  // The PIN not locked (the fuzz test's wrong PINs may have locked it, if it ran first).
  await world.db.query('update signing_pins set failed_attempts = 0, locked_until = null')
  await watch.before()
  const response = await world.app.inject({
    method: 'POST',
    url: `/api/v1/enterprises/${enterpriseId.id}/seal-grants`,
    headers: world.auth.rep,
    payload: {
      grantee: { phone: '13800000002' },
      sealIds: [world.knownIds[0]],
      // Grants are timed by the app clock (server/capabilities/esign/seals/grants.ts).
      validUntil: new Date(world.app.clock() + 86_400_000).toISOString().slice(0, 10),
      pin: '000000',
    },
  })
  expect(response.json().code).toBe('PIN_INVALID')
  expect(await watch.after()).toEqual(expect.arrayContaining(['signing_pins']))
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
