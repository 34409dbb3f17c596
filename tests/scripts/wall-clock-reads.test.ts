import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

/**
 * No test reads the wall clock unless it must (docs/decisions/0009). The app and domain projects
 * run on a pinned `Date` (tests/setup/pinned-date.ts), so what they read is the pinned day. Server,
 * script and e2e tests pin "today" through the app clock (`buildApp({ now })`, `appAt`) — except
 * where the code under test itself reads the wall clock (SQL that still calls now(), see
 * docs/architecture.md "The service context and the clock"; the e2e server runs on the real
 * clock), or where a test measures elapsed time or needs a unique value. Those reads are listed
 * below, per file, with the reason; a new read fails here until it is pinned or listed. When a
 * reason goes, lower the count: a file that reads less than listed fails too, so the list stays exact.
 *
 * The server's own reads are held the same way (SERVER_ALLOWED): business time is `ctx.clock()`
 * (server/kernel/service-context.ts); only elapsed-time measurement and the few reads listed there remain.
 */
const root = join(__dirname, '../..')

/** Projects whose `Date` is pinned for every file by their jest setup. */
const PINNED = ['tests/core/', 'tests/domain/', 'tests/features/', 'tests/pages/', 'tests/platform/']

const READ = /\bDate\.now\(\)|\bnew Date\(\)|\bdayjs\(\)/g

const WALL_APP_CLOCK =
  'the app clock runs on the wall clock (+ an offset): signing timestamps meet openssl’s real clock'
const ELAPSED = 'measures elapsed time (a polling deadline or a duration), not "today"'

const ALLOWED: Record<string, { reads: number; why: string }> = {
  'tests/server/pki-revocation.test.ts': { reads: 2, why: WALL_APP_CLOCK },
  'tests/server/seal-revoke.test.ts': { reads: 1, why: WALL_APP_CLOCK },
  'tests/server/auth-login.test.ts': { reads: 1, why: 'an unpinned app: its session expiry is the wall clock + TTL' },
  'tests/server/face-sessions.test.ts': { reads: 1, why: 'an unpinned app: its ticket expiry is the wall clock + TTL' },
  'tests/server/sign-tasks.test.ts': { reads: 1, why: 'an unpinned app: a sign task’s expiry is the wall clock + TTL' },
  'tests/server/two-instances.test.ts': {
    reads: 3,
    why: `${ELAPSED}; a second server process runs on the real clock`,
  },
  'tests/server/sign-confirm.test.ts': { reads: 2, why: ELAPSED },
  'tests/server/wechat-client.test.ts': { reads: 2, why: ELAPSED },
  'tests/server/complaints-kit.ts': { reads: 1, why: 'a unique Idempotency-Key' },
  'tests/api/client.http.test.ts': { reads: 2, why: ELAPSED },
  'tests/order/alone.js': { reads: 2, why: `${ELAPSED} (a tool, not a test)` },
  'tests/e2e/harness.ts': { reads: 2, why: ELAPSED },
  'tests/e2e/complaints.e2e.ts': { reads: 2, why: ELAPSED },
  'tests/e2e/seals.e2e.ts': { reads: 1, why: 'a unique document' },
  'tests/e2e/compliance.e2e.ts': { reads: 1, why: 'the e2e server runs on the real clock: "today" is its today' },
  'tests/e2e/licences.e2e.ts': { reads: 1, why: 'the e2e server runs on the real clock: "today" is its today' },
  'tests/e2e/governance.e2e.ts': {
    reads: 2,
    why: 'the e2e server runs on the real clock: a 用章规则 hours window must exclude its current hour; grant validity',
  },
}

/**
 * The server reads the wall clock only here (business time is `ctx.clock()`, server/kernel/service-context.ts).
 * Owners: jobs/** and compliance/reminder-* are engineer `outbox`'s (#13).
 */
const SERVER_ALLOWED: Record<string, { reads: number; why: string }> = {
  'server/kernel/service-context.ts': {
    reads: 1,
    why: 'systemClock: the wall clock, the default of buildApp({ now })',
  },
  'server/capabilities/esign/signing/sign-task-callbacks.ts': {
    reads: 2,
    why: `${ELAPSED}: one time budget per callback attempt`,
  },
  'server/capabilities/licences/jobs/reminders.ts': { reads: 2, why: `${ELAPSED}: the run's duration in the log` },
  'server/capabilities/compliance/reminder-job.ts': { reads: 2, why: `${ELAPSED}: the run's duration in the log` },
  'server/kernel/notify/reminder-run.ts': { reads: 2, why: `${ELAPSED}: the run's duration in the log` },
  'server/kernel/auth/providers/alipay-gateway.ts': {
    reads: 1,
    why: 'Alipay checks the request timestamp on its real clock',
  },
  'server/kernel/db/pglite-lock.ts': {
    reads: 1,
    why: 'who holds the lock file since when: diagnostic, before any app',
  },
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return filesUnder(path)
    return /\.(ts|tsx|js)$/.test(name) ? [path] : []
  })
}

/** Reads per file under `dir` outside the pinned projects; comments are not reads. */
function wallClockReads(dir = 'tests'): Record<string, number> {
  const reads: Record<string, number> = {}
  for (const path of filesUnder(join(root, dir))) {
    const file = relative(root, path).split('\\').join('/')
    if (PINNED.some((prefix) => file.startsWith(prefix)) || file === 'tests/scripts/wall-clock-reads.test.ts') continue
    const code = readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
      .join('\n')
    const count = (code.match(READ) ?? []).length
    if (count > 0) reads[file] = count
  }
  return reads
}

test('tests outside the pinned projects read the wall clock only where listed, as often as listed', () => {
  const found = wallClockReads()
  const unlisted = Object.keys(found).filter((file) => found[file] !== ALLOWED[file]?.reads)
  const gone = Object.keys(ALLOWED).filter((file) => !(file in found))
  expect({ unlisted: unlisted.map((file) => `${file}: ${found[file]}`), gone }).toEqual({ unlisted: [], gone: [] })
})

test('the server reads the wall clock only where listed (business time is the app clock)', () => {
  const found = wallClockReads('server')
  const unlisted = Object.keys(found).filter((file) => found[file] !== SERVER_ALLOWED[file]?.reads)
  const gone = Object.keys(SERVER_ALLOWED).filter((file) => !(file in found))
  expect({ unlisted: unlisted.map((file) => `${file}: ${found[file]}`), gone }).toEqual({ unlisted: [], gone: [] })
})

test('the pinned projects are the ones whose jest setup pins Date', () => {
  const config = require('../../jest.config') as { projects: { displayName: string; setupFilesAfterEnv?: string[] }[] }
  const setup = (name: string) => config.projects.find((p) => p.displayName === name)?.setupFilesAfterEnv ?? []
  expect(setup('domain')).toContain('<rootDir>/tests/setup/pinned-date.ts')
  expect(setup('app')).toContain('<rootDir>/tests/setup/app-each.ts')
  expect(readFileSync(join(root, 'tests/setup/app-each.ts'), 'utf8')).toContain("import './pinned-date'")
})
