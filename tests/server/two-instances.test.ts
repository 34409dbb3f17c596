import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Client } from 'pg'
import { openDb, type Db } from '../../server/kernel/db/db'
import { loadMigrations, migrate } from '../../server/kernel/db/migrate'
import { LOGIN_LIMIT_PER_MINUTE } from '../../server/capabilities/account/routes/auth'
import { sendJson, startFakeHttpServer, type FakeHttpServer } from './fake-http-server'
import { digestWork, expiredSignTasks, reminderWork, tally } from './instances-kit'

/**
 * Two real server processes (production mode, as deployed) on one PostgreSQL database: the licence
 * reminders, the weekly policy digest and the sign-task sweep are fired on both at the same moment,
 * and every delivery — inbox message, WeChat subscribe message, sign-task callback — happens exactly
 * once; the login limit counts the attempts spread over both. WeChat and the systems' callback
 * receiver are local fakes. Needs DATABASE_URL (a role that may create databases): .ci/run sets it.
 * tests/server/jobs-one-at-a-time.test.ts checks the same with two apps in one process, on any database.
 */

const DATABASE_URL = process.env.DATABASE_URL
const ROOT = path.join(__dirname, '../..')
const ADMIN_KEY = 'two-instances-admin-key-0123456789'
const LICENCE_TEMPLATE = 'tpl-licence-reminder'
const POLICY_TEMPLATE = 'tpl-policy-notice'
const RUN = '2026-03-10'
const REMINDER_USERS = 12
const DIGEST_USERS = 6
const SIGN_TASKS = 10

// Two servers start (tsx compiles the server) on a machine that may be busy.
jest.setTimeout(180_000)

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

interface ServerProcess {
  name: string
  baseUrl: string
  output: () => string
  stop(): Promise<void>
}

async function startServerProcess(name: string, env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort()
  let output = ''
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const server: ServerProcess = {
    name,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      let timer: NodeJS.Timeout | undefined
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 5000)))])
      clearTimeout(timer)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    },
  }
  const deadline = Date.now() + 120_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server ${name} exited early:\n${output}`)
    try {
      if ((await fetch(`${server.baseUrl}/api/v1/health`)).ok) return server
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop()
      throw new Error(`server ${name} did not start in 120 s:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** DATABASE_URL with another database name. */
function urlOfDatabase(name: string): string {
  const url = new URL(DATABASE_URL!)
  url.pathname = `/${name}`
  return url.toString()
}

async function asAdmin(sql: string): Promise<void> {
  const client = new Client({ connectionString: DATABASE_URL })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

interface Answer {
  status: number
  body: { code?: string; expired?: number } | null
}

async function call(server: ServerProcess, route: string, init: { body?: unknown; headers?: Record<string, string> }) {
  const response = await fetch(`${server.baseUrl}/api/v1${route}`, {
    method: 'POST',
    headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  return { status: response.status, body: (await response.json().catch(() => null)) as Answer['body'] }
}

const adminCall = (server: ServerProcess, route: string, body?: unknown) =>
  call(server, route, { body, headers: { authorization: `Bearer ${ADMIN_KEY}` } })

const suite = DATABASE_URL ? describe : describe.skip
if (!DATABASE_URL) {
  console.warn('two-instances.test.ts skipped: set DATABASE_URL to a PostgreSQL server (.ci/run does) to run it')
}

suite(`two server processes on one PostgreSQL${DATABASE_URL ? '' : ' (skipped: DATABASE_URL is not set)'}`, () => {
  const database = `zqt_two_instances_${randomBytes(4).toString('hex')}`
  let attachments = ''
  let db: Db
  let wechat: FakeHttpServer
  let receiver: FakeHttpServer
  let servers: ServerProcess[] = []
  let reminders: Awaited<ReturnType<typeof reminderWork>>
  let digest: Awaited<ReturnType<typeof digestWork>>
  let tasks: string[]
  let first: Answer[]

  const subscribeSends = (templateId: string) =>
    wechat.requests
      .filter((request) => request.url.pathname === '/cgi-bin/message/subscribe/send')
      .map((request) => JSON.parse(request.body) as { touser: string; template_id: string; page: string })
      .filter((body) => body.template_id === templateId)

  // Reminders, digest and sweep on A and on B, all at once.
  const fireAll = () =>
    Promise.all(
      servers.flatMap((server) => [
        adminCall(server, '/admin/reminders/run', { date: RUN }),
        adminCall(server, '/admin/policies/weekly-digest'),
        adminCall(server, '/admin/sign-tasks/sweep'),
      ]),
    )

  beforeAll(async () => {
    attachments = mkdtempSync(path.join(tmpdir(), 'zqt-two-instances-'))
    await asAdmin(`create database ${database}`)
    const url = urlOfDatabase(database)
    db = await openDb({ databaseUrl: url })
    await migrate(db)
    reminders = await reminderWork(db, { d30: '2026-04-09', d7: '2026-03-17' }, REMINDER_USERS, LICENCE_TEMPLATE)
    digest = await digestWork(db, {
      policyId: 'two-instances-digest',
      employees: 63,
      users: DIGEST_USERS,
      templateId: POLICY_TEMPLATE,
      nowMs: Date.now(),
    })
    wechat = await startFakeHttpServer((request, response) => {
      if (request.url.pathname === '/cgi-bin/stable_token')
        sendJson(response, { access_token: 'tok', expires_in: 7200 })
      else if (request.url.pathname === '/sns/jscode2session')
        sendJson(response, { openid: `o-login-${request.url.searchParams.get('js_code')}`, session_key: 'k' })
      else sendJson(response, { errcode: 0, errmsg: 'ok' })
    })
    // A slow receiver keeps the first sweep busy while the other instance tries.
    receiver = await startFakeHttpServer((_request, response) => {
      setTimeout(() => sendJson(response, { ok: true }), 50)
    })
    tasks = await expiredSignTasks(db, SIGN_TASKS, `${receiver.baseUrl}/hooks`)

    const env = {
      // As deployed — no sandbox, the production login limit, real (fake-backed) WeChat, required
      // secrets — except that callbacks may reach this test's receiver on 127.0.0.1, which
      // production refuses (CALLBACK_ALLOW_PRIVATE cannot start with NODE_ENV=production).
      NODE_ENV: 'test',
      SANDBOX: '0',
      CALLBACK_ALLOW_PRIVATE: '1',
      DATABASE_URL: url,
      DATA_DIR: attachments,
      STATIC_DIR: path.join(attachments, 'no-h5-build'),
      ADMIN_API_KEY: ADMIN_KEY,
      SEAL_MASTER_KEY: randomBytes(32).toString('base64'),
      ID_HASH_SECRET: randomBytes(32).toString('hex'),
      WECHAT_APPID: 'wx-two-instances',
      WECHAT_SECRET: 'wx-secret',
      WECHAT_API_BASE: wechat.baseUrl,
      WECHAT_TEMPLATE_LICENCE_REMINDER: LICENCE_TEMPLATE,
      WECHAT_TEMPLATE_POLICY_NOTICE: POLICY_TEMPLATE,
      // The in-process schedulers stay off: the test fires the jobs itself, at the same moment.
      REMINDERS_ENABLED: '0',
      POLICY_DIGEST_ENABLED: '0',
      SIGN_TASK_SWEEP_ENABLED: '0',
      // The test is the proxy: X-Forwarded-For names the client, so each case has its own address.
      TRUST_PROXY: '1',
      LOG_LEVEL: 'warn',
    }
    servers = await Promise.all([startServerProcess('A', env), startServerProcess('B', env)])
    first = await fireAll()
  })

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()))
    await wechat?.close()
    await receiver?.close()
    await db?.close()
    await asAdmin(`drop database if exists ${database} with (force)`)
    if (attachments) rmSync(attachments, { recursive: true, force: true })
  })

  it('runs each job on one process at a time: the other answers 409 while it runs, or finds nothing left', () => {
    const [remindersA, digestA, sweepA, remindersB, digestB, sweepB] = first
    const pairs = [
      [remindersA, remindersB, 'REMINDER_RUN_IN_PROGRESS'],
      [digestA, digestB, 'JOB_IN_PROGRESS'],
      [sweepA, sweepB, 'JOB_IN_PROGRESS'],
    ] as const
    for (const [one, other, busyCode] of pairs) {
      expect([one.status, other.status]).toContain(200)
      for (const answer of [one, other])
        if (answer.status !== 200) expect(answer).toMatchObject({ status: 409, body: { code: busyCode } })
    }
    console.log(
      `two instances, first firing (A: reminders, digest, sweep | B: same): ${first.map((answer) => answer.status).join(' ')}`,
    )
  })

  it('delivers every reminder exactly once, inbox and WeChat', async () => {
    const due = REMINDER_USERS * 2
    const { rows } = await db.query<{ channel: string; status: string; n: number }>(
      `select channel, status, count(*)::int as n from licence_reminder_outbox where run_date = $1
       group by channel, status order by channel`,
      [RUN],
    )
    const { rows: inbox } = await db.query<{ delivery_id: string }>(
      `select m.outbox_id::text as delivery_id from inbox_messages m join licence_reminder_outbox d on d.id = m.outbox_id
       where d.run_date = $1`,
      [RUN],
    )
    const sends = subscribeSends(LICENCE_TEMPLATE)
    console.log(
      `reminders: expected ${due} inbox + ${due} WeChat; seen ${inbox.length} inbox messages ` +
        `(${tally(inbox.map((row) => row.delivery_id)).size} distinct), ${sends.length} WeChat sends ` +
        `(${new Set(sends.map((send) => `${send.touser} ${send.page}`)).size} distinct)`,
    )
    expect(rows).toEqual([
      { channel: 'inbox', status: 'sent', n: due },
      { channel: 'wechat', status: 'sent', n: due },
    ])
    expect(inbox).toHaveLength(due)
    expect(tally(inbox.map((row) => row.delivery_id)).size).toBe(due)
    expect(sends).toHaveLength(due)
    expect(new Set(sends.map((send) => `${send.touser} ${send.page}`)).size).toBe(due)
    expect(new Set(sends.map((send) => send.touser))).toEqual(new Set(reminders.openids))
  })

  it('sends every weekly user exactly one digest, inbox and WeChat', async () => {
    const { rows } = await db.query<{ user_id: string }>(
      `select user_id::text from inbox_messages where kind = 'policy' and user_id = any($1::uuid[])`,
      [digest.userIds],
    )
    const sends = subscribeSends(POLICY_TEMPLATE)
    console.log(
      `policy digest: expected ${DIGEST_USERS} inbox + ${DIGEST_USERS} WeChat; seen ${rows.length} inbox messages ` +
        `for ${tally(rows.map((row) => row.user_id)).size} users, ${sends.length} WeChat sends`,
    )
    expect([...tally(rows.map((row) => row.user_id)).values()]).toEqual(Array(DIGEST_USERS).fill(1))
    expect(sends.map((send) => send.touser).sort()).toEqual([...digest.openids].sort())
  })

  it('expires every task once and calls every callback exactly once', async () => {
    const expired = [first[2], first[5]].reduce((sum, answer) => sum + (answer.body?.expired ?? 0), 0)
    const called = receiver.requests.map((request) => JSON.parse(request.body).taskId as string)
    console.log(
      `sweep: expected ${SIGN_TASKS} expiries and ${SIGN_TASKS} callbacks; seen ${expired} expiries, ` +
        `${called.length} callbacks (${new Set(called).size} distinct tasks)`,
    )
    expect(expired).toBe(SIGN_TASKS)
    expect(called.sort()).toEqual([...tasks].sort())
    const { rows } = await db.query<{ callback_state: string; callback_attempts: number }>(
      `select distinct callback_state, callback_attempts from sign_tasks where id = any($1::uuid[])`,
      [tasks],
    )
    expect(rows).toEqual([{ callback_state: 'delivered', callback_attempts: 1 }])
  })

  it('delivers nothing more when everything is fired on both again', async () => {
    const before = { wechat: wechat.requests.length, callbacks: receiver.requests.length }
    const inboxCount = async () =>
      (await db.query<{ n: number }>('select count(*)::int as n from inbox_messages')).rows[0].n
    const inboxBefore = await inboxCount()
    const again = await fireAll()
    expect(again.every((answer) => answer.status === 200 || answer.status === 409)).toBe(true)
    expect({ wechat: wechat.requests.length, callbacks: receiver.requests.length }).toEqual(before)
    expect(await inboxCount()).toBe(inboxBefore)
  })

  const login = (server: ServerProcess, client: string, code: string) =>
    call(server, '/auth/login', {
      body: { platform: 'weapp', code, consentVersion: '2025-01' },
      headers: { 'x-forwarded-for': client },
    })

  it(`counts logins spread over both processes: ${LOGIN_LIMIT_PER_MINUTE} a minute in all, then 429`, async () => {
    const statuses: number[] = []
    for (let i = 0; i < LOGIN_LIMIT_PER_MINUTE + 2; i++) {
      statuses.push((await login(servers[i % 2], '198.51.100.7', `spread-${i}`)).status)
    }
    console.log(`login limit, alternating A/B from one address: ${statuses.join(' ')}`)
    expect(statuses).toEqual([...Array(LOGIN_LIMIT_PER_MINUTE).fill(200), 429, 429])
    expect((await login(servers[1], '198.51.100.7', 'spread-over')).body).toEqual({
      code: 'RATE_LIMITED',
      message: '登录尝试过于频繁，请稍后再试',
    })
    expect((await login(servers[0], '198.51.100.9', 'elsewhere')).status).toBe(200)
  })

  it('lets exactly the limit through when attempts arrive on both at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 3 * LOGIN_LIMIT_PER_MINUTE }, (_, i) => login(servers[i % 2], '198.51.100.8', `burst-${i}`)),
    )
    const statuses = answers.map((answer) => answer.status)
    console.log(
      `login limit, ${statuses.length} at once over A and B: ${statuses.filter((s) => s === 200).length} × 200, ` +
        `${statuses.filter((s) => s === 429).length} × 429`,
    )
    expect(statuses.filter((status) => status === 200)).toHaveLength(LOGIN_LIMIT_PER_MINUTE)
    expect(statuses.filter((status) => status === 429)).toHaveLength(2 * LOGIN_LIMIT_PER_MINUTE)
  })
})

suite(
  `two instances migrating one empty database at once${DATABASE_URL ? '' : ' (skipped: DATABASE_URL is not set)'}`,
  () => {
    const database = `zqt_two_migrate_${randomBytes(4).toString('hex')}`
    const dbs: Db[] = []

    beforeAll(async () => {
      await asAdmin(`create database ${database}`)
    })
    afterAll(async () => {
      await Promise.all(dbs.map((db) => db.close()))
      await asAdmin(`drop database if exists ${database} with (force)`)
    })

    it('migrates once: one applies every migration, the other waits and finds none left', async () => {
      const url = urlOfDatabase(database)
      dbs.push(await openDb({ databaseUrl: url }), await openDb({ databaseUrl: url }))
      const applied = await Promise.all(dbs.map((db) => migrate(db)))
      expect(applied.map((versions) => versions.length).sort((x, y) => x - y)).toEqual([0, loadMigrations().length])
    })
  },
)
