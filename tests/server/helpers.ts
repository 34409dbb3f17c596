import { createHash, randomBytes } from 'node:crypto'
import { existsSync, renameSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { Client } from 'pg'
import { buildApp, type BuildAppOptions } from '../../server/app'
import { loadConfig, type Config } from '../../server/kernel/config'
import { openDb, type Db } from '../../server/kernel/db/db'
import { loadMigrations, migrate } from '../../server/kernel/db/migrate'
import { openPglite } from '../../server/kernel/db/pglite'
import type { LoginResponse } from '../../src/contract/account/schemas'
import { seedDemoData } from '../../server/seed/demo'

// Starting PGlite takes seconds on a busy 2-core machine; default hook timeouts are 5 s.
jest.setTimeout(30_000)

/**
 * Server test harness. Suites run on in-memory PGlite, or — when DATABASE_URL is set — on
 * PostgreSQL inside a fresh schema that is dropped afterwards, so the same suites cover both.
 * Opening PGlite costs about a second: open one TestDb per file and build apps on it.
 */

export interface TestDb {
  db: Db
  close(): Promise<void>
}

export async function openTestDb(options: { seed?: boolean } = {}): Promise<TestDb> {
  const databaseUrl = process.env.DATABASE_URL
  let db: Db
  let dropSchema = async () => undefined as void
  if (databaseUrl) {
    const schema = `test_${randomBytes(6).toString('hex')}`
    const admin = new Client({ connectionString: databaseUrl })
    await admin.connect()
    await admin.query(`create schema ${schema}`)
    await admin.end()
    db = await openDb({ databaseUrl, searchPath: schema })
    dropSchema = async () => {
      const client = new Client({ connectionString: databaseUrl })
      await client.connect()
      await client.query(`drop schema ${schema} cascade`)
      await client.end()
    }
  } else {
    db = await openMigratedPglite()
  }
  await migrate(db)
  if (options.seed ?? true) await seedDemoData(db)
  return {
    db,
    async close() {
      await db.close()
      await dropSchema()
    },
  }
}

/**
 * initdb is most of PGlite's start-up (seconds on a busy machine). The first suite to need a
 * database migrates a fresh one and leaves a tarball of it in the temp dir; later suites start
 * from that. The name changes with the migrations and the installed PGlite, so it cannot go stale.
 */
async function openMigratedPglite(): Promise<Db> {
  const fingerprint = createHash('sha256')
    .update(JSON.stringify(loadMigrations()))
    .update(String(statSync(createRequire(__filename).resolve('@electric-sql/pglite')).mtimeMs))
    .digest('hex')
    .slice(0, 16)
  const templatePath = join(tmpdir(), `zqt-pglite-template-${fingerprint}.tar`)
  if (existsSync(templatePath)) return openPglite('memory://', templatePath)
  const db = await openPglite('memory://')
  await migrate(db)
  // Written aside and renamed, so a suite running in parallel never reads half a file.
  const partial = `${templatePath}.${process.pid}.partial`
  await db.dumpTo(partial)
  renameSync(partial, templatePath)
  return db
}

/**
 * A config as a test wants it: sandbox on, admin API enabled, nothing read from the real env.
 * Sessions last five years: they expire on the app clock, and tests move it by months between apps
 * that share a login (tests/server/one-clock.test.ts sets its own TTL to see one end).
 */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const env = { NODE_ENV: 'test', SANDBOX: '1', ADMIN_API_KEY: TEST_ADMIN_KEY, SESSION_TTL_HOURS: String(5 * 366 * 24) }
  return { ...loadConfig(env), ...overrides }
}

export const TEST_ADMIN_KEY = 'test-admin-key-0123456789'

export interface TestApp {
  app: FastifyInstance
  db: Db
  config: Config
  /** Closes the app, and the database when createTestApp opened it. */
  close(): Promise<void>
}

export async function createTestApp(
  options: Partial<Omit<BuildAppOptions, 'config'>> & {
    config?: Partial<Config>
    /** Adds routes before the app is ready (e.g. a stand-in for a later issue's route). */
    extend?: (app: FastifyInstance) => void
  } = {},
): Promise<TestApp> {
  const owned = options.db ? null : await openTestDb()
  const db = options.db ?? owned!.db
  const config = testConfig(options.config)
  const app = buildApp({ db, config, loginProviders: options.loginProviders, logger: options.logger })
  options.extend?.(app)
  await app.ready()
  return {
    app,
    db,
    config,
    async close() {
      await app.close()
      await owned?.close()
    },
  }
}

export const DEMO = {
  rep: '13800000001',
  agent: '13800000002',
  handler: '13800000003',
} as const

export async function loginSandbox(
  app: FastifyInstance,
  phone: string,
  consentVersion = '2025-01',
): Promise<LoginResponse> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { platform: 'h5', code: `sandbox:${phone}`, consentVersion },
  })
  if (response.statusCode !== 200) throw new Error(`sandbox login failed: ${response.statusCode} ${response.body}`)
  return response.json<LoginResponse>()
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` }
}

export async function countRows(db: Db, table: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from ${table}`)
  return rows[0].n
}

/** Row counts of every table a request could write to, to prove a rejected request wrote nothing. */
export async function snapshotCounts(db: Db): Promise<Record<string, number>> {
  const tables = [
    'users',
    'user_identities',
    'sessions',
    'consent_records',
    'enterprises',
    'user_enterprises',
    'systems',
  ]
  const counts: Record<string, number> = {}
  for (const table of tables) counts[table] = await countRows(db, table)
  return counts
}

export function expectError(response: LightMyRequestResponse, status: number, code: string): void {
  expect({ status: response.statusCode, code: response.json().code }).toEqual({ status, code })
  expect(typeof response.json().message).toBe('string')
}
