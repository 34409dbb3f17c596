import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { buildApp } from '../../server/app'
import { withAdvisoryLock } from '../../server/kernel/jobs/advisory-lock'
import { DIGEST_LOCK_KEY } from '../../server/capabilities/policies/jobs/policy-digest'
import { SWEEP_LOCK_KEY } from '../../server/capabilities/esign/signing/sign-task-sweep'
import { expectError, openTestDb, TEST_ADMIN_KEY, testConfig, type TestDb } from './helpers'
import { sendJson, startFakeHttpServer, type FakeHttpServer } from './fake-http-server'
import { digestWork, expiredSignTasks, reminderWork, tally } from './instances-kit'
import { chinaNoon } from './licences-kit'
import { sendersFor, startFakeWechat, type FakeWechat } from './subscribe-kit'

/**
 * The periodic jobs — licence reminders, the policy digest, the sign-task sweep — fired on two
 * instances (two apps on one database) at the same moment: each runs on one of them at a time (an
 * advisory lock; the other answers 409 JOB_IN_PROGRESS / REMINDER_RUN_IN_PROGRESS), and every
 * delivery happens exactly once, then never again. tests/server/two-instances.test.ts does the same
 * with two server processes on PostgreSQL.
 */

const RUN = '2026-03-10'
const NOW = chinaNoon(RUN)
const admin = { authorization: `Bearer ${TEST_ADMIN_KEY}` }

let testDb: TestDb
let wechat: FakeWechat
let receiver: FakeHttpServer
let a: FastifyInstance
let b: FastifyInstance

beforeAll(async () => {
  testDb = await openTestDb({ seed: false })
  wechat = await startFakeWechat()
  receiver = await startFakeHttpServer((_request, response) => sendJson(response, { ok: true }))
  const instance = async () => {
    // CALLBACK_ALLOW_PRIVATE: the callback receiver runs on this machine.
    const base = testConfig()
    const config = { ...base, signing: { ...base.signing, callbackAllowPrivate: true } }
    const app = buildApp({ db: testDb.db, config, now: () => NOW, messageSenders: sendersFor(wechat) })
    await app.ready()
    return app
  }
  a = await instance()
  b = await instance()
})
afterAll(async () => {
  await a.close()
  await b.close()
  await wechat.close()
  await receiver.close()
  await testDb.close()
})

const post = (app: FastifyInstance, url: string, payload?: object) =>
  app.inject({ method: 'POST', url: `/api/v1/admin${url}`, headers: admin, payload })

function sendsWithTemplate(templateId: string) {
  return wechat.server.requests
    .filter((request) => request.url.pathname === '/cgi-bin/message/subscribe/send')
    .map((request) => JSON.parse(request.body) as { touser: string; template_id: string; page: string })
    .filter((body) => body.template_id === templateId)
}

describe('every job fired on both instances at once', () => {
  const config = testConfig()
  let reminders: Awaited<ReturnType<typeof reminderWork>>
  let digest: Awaited<ReturnType<typeof digestWork>>
  let tasks: string[]
  let first: LightMyRequestResponse[]

  const fireAll = () =>
    Promise.all(
      [a, b].flatMap((app) => [
        post(app, '/reminders/run', { date: RUN }),
        post(app, '/policies/weekly-digest'),
        post(app, '/sign-tasks/sweep'),
      ]),
    )

  beforeAll(async () => {
    reminders = await reminderWork(
      testDb.db,
      { d30: '2026-04-09', d7: '2026-03-17' },
      4,
      config.subscribeTemplates.weapp,
    )
    digest = await digestWork(testDb.db, {
      policyId: 'instances-digest',
      employees: 61,
      users: 3,
      templateId: config.policySubscribeTemplates.weapp,
      nowMs: NOW,
    })
    tasks = await expiredSignTasks(testDb.db, 5, `${receiver.baseUrl}/hooks`, NOW)
    first = await fireAll()
  })

  it('runs each job on one instance or the other, and turns the other away while it runs', () => {
    const [remindersA, digestA, sweepA, remindersB, digestB, sweepB] = first
    for (const [one, other, busyCode] of [
      [remindersA, remindersB, 'REMINDER_RUN_IN_PROGRESS'],
      [digestA, digestB, 'JOB_IN_PROGRESS'],
      [sweepA, sweepB, 'JOB_IN_PROGRESS'],
    ] as const) {
      expect([one.statusCode, other.statusCode]).toContain(200)
      for (const response of [one, other]) {
        if (response.statusCode !== 200) expectError(response, 409, busyCode)
      }
    }
  })

  it('delivers each reminder once: inbox and WeChat', async () => {
    const { rows } = await testDb.db.query<{ channel: string; status: string; n: number }>(
      `select channel, status, count(*)::int as n from licence_reminder_outbox where run_date = $1
       group by channel, status order by channel`,
      [RUN],
    )
    expect(rows).toEqual([
      { channel: 'inbox', status: 'sent', n: 8 },
      { channel: 'wechat', status: 'sent', n: 8 },
    ])
    const { rows: inbox } = await testDb.db.query<{ licence_id: string }>(
      `select m.licence_id from inbox_messages m join licence_reminder_outbox d on d.id = m.outbox_id where d.run_date = $1`,
      [RUN],
    )
    expect([...tally(inbox.map((row) => row.licence_id)).values()]).toEqual(Array(8).fill(1))
    const sends = sendsWithTemplate(config.subscribeTemplates.weapp)
    expect(sends).toHaveLength(8)
    expect(new Set(sends.map((send) => `${send.touser} ${send.page}`)).size).toBe(8)
    expect(new Set(sends.map((send) => send.touser))).toEqual(new Set(reminders.openids))
  })

  it('sends each weekly user one digest: one inbox message and one WeChat message', async () => {
    const { rows } = await testDb.db.query<{ user_id: string }>(
      `select user_id from inbox_messages where kind = 'policy' and user_id = any($1::uuid[])`,
      [digest.userIds],
    )
    expect([...tally(rows.map((row) => row.user_id)).values()]).toEqual([1, 1, 1])
    const sends = sendsWithTemplate(config.policySubscribeTemplates.weapp)
    expect(sends.map((send) => send.touser).sort()).toEqual([...digest.openids].sort())
  })

  it('expires each task once and calls each callback once', async () => {
    const sweeps = [first[2], first[5]].filter((response) => response.statusCode === 200).map((r) => r.json())
    expect(sweeps.reduce((sum, report) => sum + report.expired, 0)).toBe(tasks.length)
    expect(receiver.requests.map((request) => JSON.parse(request.body).taskId).sort()).toEqual([...tasks].sort())
    const { rows } = await testDb.db.query<{ callback_state: string; callback_attempts: number }>(
      `select distinct callback_state, callback_attempts from sign_tasks where id = any($1::uuid[])`,
      [tasks],
    )
    expect(rows).toEqual([{ callback_state: 'delivered', callback_attempts: 1 }])
  })

  it('delivers nothing more when everything is fired again', async () => {
    const counts = () => ({
      wechat: wechat.server.requests.length,
      callbacks: receiver.requests.length,
    })
    const before = counts()
    const { rows: inboxBefore } = await testDb.db.query<{ n: number }>('select count(*)::int as n from inbox_messages')
    const again = await fireAll()
    expect(again.map((response) => response.statusCode).every((status) => status === 200 || status === 409)).toBe(true)
    expect(counts()).toEqual(before)
    const { rows: inboxAfter } = await testDb.db.query<{ n: number }>('select count(*)::int as n from inbox_messages')
    expect(inboxAfter).toEqual(inboxBefore)
  })
})

describe('the admin triggers', () => {
  it('refuse the sweep without the admin key', async () => {
    const response = await a.inject({ method: 'POST', url: '/api/v1/admin/sign-tasks/sweep' })
    expectError(response, 401, 'ADMIN_KEY_INVALID')
  })

  it('answer 409 while another instance holds the job’s lock', async () => {
    await withAdvisoryLock(testDb.db, SWEEP_LOCK_KEY, async () => {
      expectError(await post(b, '/sign-tasks/sweep'), 409, 'JOB_IN_PROGRESS')
      await expect(a.signing.sweep()).rejects.toThrow(/advisory lock/)
    })
    await withAdvisoryLock(testDb.db, DIGEST_LOCK_KEY, async () => {
      expectError(await post(b, '/policies/weekly-digest'), 409, 'JOB_IN_PROGRESS')
    })
    expect((await post(b, '/sign-tasks/sweep')).statusCode).toBe(200)
    expect((await post(b, '/policies/weekly-digest')).statusCode).toBe(200)
  })
})
