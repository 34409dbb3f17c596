import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app'
import { loadConfig } from '../../server/kernel/config'
import { openDb } from '../../server/kernel/db/db'
import { migrate } from '../../server/kernel/db/migrate'
import { registerJobs, type Job } from '../../server/kernel/jobs/registry'
import { JOBS } from '../../server/jobs'
import { openTestDb, testConfig, type TestDb } from './helpers'
import { makeEnterprise, makeLicence, makeUser } from './licences-kit'
import { sendersFor, startFakeWechat, type FakeWechat } from './subscribe-kit'

const TUESDAY_10_CHINA = Date.parse('2026-03-24T02:00:00Z')

function fakeJob(name: string, lockKey: number, overrides: Partial<Job> = {}): Job & { dates: string[] } {
  const dates: string[] = []
  return {
    name,
    summary: name,
    lockKey,
    cadence: () => ({ kind: 'every', ms: 3_600_000, atStart: true }),
    enabled: () => true,
    run: async (_ctx, { date }) => {
      dates.push(date)
      return null
    },
    ...overrides,
    dates,
  }
}

function bareApp(): FastifyInstance {
  const app = Fastify()
  app.decorate('config', testConfig())
  app.decorate('clock', () => TUESDAY_10_CHINA)
  return app
}

describe('the job registry', () => {
  it('starts each enabled job once when the app is ready, none when disabled, and nothing after close', async () => {
    const hourly = fakeJob('hourly', 1)
    const off = fakeJob('off', 2, { enabled: () => false })
    const daily = fakeJob('daily', 3, {
      cadence: () => ({ kind: 'daily', at: '08:30' }),
      missed: async () => true,
    })
    const dailyDone = fakeJob('daily-done', 4, {
      cadence: () => ({ kind: 'daily', at: '08:30' }),
      missed: async () => false,
    })
    const app = bareApp()
    registerJobs(app, [hourly, off, daily, dailyDone])
    await app.ready()
    await app.close()
    expect(hourly.dates).toEqual(['2026-03-24'])
    expect(off.dates).toEqual([])
    // 10:00 China is past the daily time: the missed day runs at start, a finished one does not.
    expect(daily.dates).toEqual(['2026-03-24'])
    expect(dailyDone.dates).toEqual([])
  })

  it('refuses two jobs with one name or one advisory-lock key', () => {
    expect(() => registerJobs(bareApp(), [fakeJob('a', 1), fakeJob('b', 1)])).toThrow(/unique/)
    expect(() => registerJobs(bareApp(), [fakeJob('a', 1), fakeJob('a', 2)])).toThrow(/unique/)
  })

  it('holds the seven jobs of the server, each with its own lock', () => {
    expect(JOBS.map((job) => job.name)).toEqual([
      'licence-reminders',
      'policy-digest',
      'notice-retries',
      'sign-task-sweep',
      'seal-reports',
      'seal-grant-expiry',
      'compliance-reminders',
    ])
    expect(new Set(JOBS.map((job) => job.lockKey)).size).toBe(JOBS.length)
  })

  it('keeps today’s defaults: every job off in tests, on in development', () => {
    expect(JOBS.filter((job) => job.enabled(loadConfig({ NODE_ENV: 'test' })))).toEqual([])
    expect(JOBS.filter((job) => job.enabled(loadConfig({ NODE_ENV: 'development' }))).map((job) => job.name)).toEqual(
      JOBS.map((job) => job.name),
    )
  })
})

describe('the server starts its jobs from the registry', () => {
  let testDb: TestDb
  let wechat: FakeWechat

  beforeAll(async () => {
    testDb = await openTestDb()
    wechat = await startFakeWechat()
  })

  afterAll(async () => {
    await wechat.close()
    await testDb.close()
  })

  it('runs each enabled job exactly once at start (the sweep on its first interval), not from a route plugin', async () => {
    const runs = new Map<string, number>()
    const spies = JOBS.map((job) =>
      jest.spyOn(job, 'run').mockImplementation(async () => {
        runs.set(job.name, (runs.get(job.name) ?? 0) + 1)
        return null
      }),
    )
    const missed = jest.spyOn(JOBS[0], 'missed').mockResolvedValue(true)
    try {
      const config = testConfig()
      const app = buildApp({
        db: testDb.db,
        config: {
          ...config,
          reminders: { ...config.reminders, enabled: true, time: '08:30' },
          policies: { ...config.policies, digestEnabled: true, digestTime: '09:00' },
          signing: { ...config.signing, sweepEnabled: true },
        },
        now: () => TUESDAY_10_CHINA,
        messageSenders: sendersFor(wechat),
      })
      await app.ready()
      await app.close()
      expect(Object.fromEntries(runs)).toEqual({
        'licence-reminders': 1,
        'policy-digest': 1,
        'notice-retries': 1,
        'seal-reports': 1,
        // no `missed`: a start after its time runs it (idempotent per grant, person and end date)
        'seal-grant-expiry': 1,
      })
    } finally {
      for (const spy of spies) spy.mockRestore()
      missed.mockRestore()
    }
  })
})

describe('npm run jobs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zqt-jobs-cli-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('runs one job once against the configured database and prints its report', async () => {
    const dataDir = join(dir, 'data')
    const db = await openDb({ dataDir })
    await migrate(db)
    const enterprise = await makeEnterprise(db)
    const userId = await makeUser(db, { links: [{ enterpriseId: enterprise.id }] })
    await makeLicence(db, enterprise.id, { deadline: '2026-03-17' })
    await db.close()

    const root = resolve(__dirname, '../..')
    const output = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(
        process.execPath,
        [join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/jobs.ts', 'licence-reminders', '--date', '2026-03-10'],
        {
          cwd: root,
          // A port nothing listens on: the script must not mistake another server for this database's.
          env: { ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir, PORT: '9', DATABASE_URL: '' },
        },
      )
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      child.on('close', (code) => done({ code, stdout, stderr }))
    })
    expect(output.stderr).toBe('')
    expect(output.code).toBe(0)
    const lines = output.stdout.trim().split('\n')
    expect(lines[0]).toMatch(/^licence-reminders 2026-03-10: done/)
    expect(JSON.parse(lines[1])).toMatchObject({ date: '2026-03-10', due: 1, delivered: { inbox: 1 } })

    const after = await openDb({ dataDir })
    try {
      const { rows } = await after.query<{ user_id: string }>(
        `select user_id from inbox_messages where kind = 'licence-reminder'`,
      )
      expect(rows).toEqual([{ user_id: userId }])
    } finally {
      await after.close()
    }
  }, 120_000)

  it('starts no other job beside the one asked for (the compliance reminders on, their time passed)', async () => {
    const dataDir = join(dir, 'data-only-one')
    const db = await openDb({ dataDir })
    await migrate(db)
    await db.close()

    const root = resolve(__dirname, '../..')
    const code = await new Promise<number | null>((done) => {
      const child = spawn(
        process.execPath,
        [join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/jobs.ts', 'licence-reminders', '--date', '2026-03-10'],
        {
          cwd: root,
          // 00:00 China time has always passed: a started compliance job would catch up at once.
          env: {
            ...process.env,
            NODE_ENV: 'test',
            DATA_DIR: dataDir,
            PORT: '9',
            DATABASE_URL: '',
            COMPLIANCE_REMINDERS_ENABLED: '1',
            REMINDER_TIME: '00:00',
          },
          stdio: 'ignore',
        },
      )
      child.on('close', done)
    })
    expect(code).toBe(0)

    const after = await openDb({ dataDir })
    try {
      const { rows } = await after.query('select run_date from compliance_reminder_runs')
      expect(rows).toEqual([])
    } finally {
      await after.close()
    }
  }, 120_000)
})
