/**
 * A complaint keeps the limits it was submitted under (docs/domain.md §5), and the city's table
 * (COMPLAINT_RULES) is what the server uses. Every app here runs on a pinned clock: the 2026
 * holiday calendar is published, so each due date below is counted by hand.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app'
import { ConfigError, loadConfig } from '../../server/kernel/config'
import type { ComplaintListResponse, ComplaintView } from '../../src/contract/complaints/schemas'
import { loadMigrations, migrate } from '../../server/kernel/db/migrate'
import { localDiskStorage } from '../../server/kernel/storage/attachment-storage'
import { DEFAULT_COMPLAINT_RULES, type ComplaintRules } from '../../src/domain/complaints/categories'
import { bearer, DEMO, expectError, openTestDb, testConfig, TEST_ADMIN_KEY, type TestDb } from './helpers'
import { staffAction, submit, userAction, userToken, VALID_INPUT } from './complaints-kit'

// Tue 2026-09-01: 投诉 13 working days → (1) 9/2 … (3) 9/4, (4–8) 9/7–9/11, (9–13) 9/14–9/18.
// 投诉 7 → 9/10. On Mon 9/14 the first is on time, the second would be late.
const SUBMITTED = '2026-09-01T10:00:00+08:00'
const LATER = '2026-09-14T10:00:00+08:00'

const rulesWith = (complaintDays: number, returnVisit = DEFAULT_COMPLAINT_RULES.returnVisit): ComplaintRules => ({
  categories: DEFAULT_COMPLAINT_RULES.categories.map((category) =>
    category.code === 'complaint' ? { ...category, timeLimitWorkingDays: complaintDays } : category,
  ),
  returnVisit,
})

let testDb: TestDb
const apps: FastifyInstance[] = []

/** An app over the suite's database as a city configured it, at `now` (pinned). */
async function appWith(rules: ComplaintRules, now: string): Promise<FastifyInstance> {
  const storage = localDiskStorage(mkdtempSync(join(tmpdir(), 'zqt-attachments-')))
  const config = testConfig({ complaintRules: rules })
  const app = buildApp({ db: testDb.db, config, now: () => Date.parse(now), attachmentStorage: storage })
  await app.ready()
  apps.push(app)
  return app
}

beforeAll(async () => {
  testDb = await openTestDb()
})

afterAll(async () => {
  for (const app of apps) await app.close()
  await testDb.close()
})

async function created(app: FastifyInstance, token: string, payload: object = VALID_INPUT): Promise<ComplaintView> {
  const response = await submit(app, token, payload)
  expect(response.statusCode).toBe(201)
  return response.json<ComplaintView>()
}

async function staffView(app: FastifyInstance, id: string): Promise<ComplaintView> {
  const response = await app.inject({
    method: 'GET',
    url: `/api/v1/staff/complaints/${id}`,
    headers: bearer(TEST_ADMIN_KEY),
  })
  expect(response.statusCode).toBe(200)
  return response.json<ComplaintView>()
}

async function staffList(app: FastifyInstance, query = ''): Promise<ComplaintView[]> {
  const response = await app.inject({
    method: 'GET',
    url: `/api/v1/staff/complaints${query}`,
    headers: bearer(TEST_ADMIN_KEY),
  })
  expect(response.statusCode).toBe(200)
  return response.json<ComplaintListResponse>().items
}

describe('a complaint keeps the time limit it was submitted under', () => {
  it('changing a category’s days moves no open case; a new case gets the new limit', async () => {
    const before = await appWith(rulesWith(13), SUBMITTED)
    const rep = await userToken(before, DEMO.rep)
    const old = await created(before, rep)
    expect(old.sla).toMatchObject({ dueOn: '2026-09-18', timeLimitWorkingDays: 13 })
    expect(old.limits).toEqual({
      timeLimitWorkingDays: 13,
      returnVisit: { callBackWorkingDays: 1, rectifyWorkingDays: 15 },
    })

    // The city shortens 投诉 to 7 working days and the server restarts.
    const after = await appWith(rulesWith(7), SUBMITTED)
    const mine = await after.inject({ method: 'GET', url: `/api/v1/complaints/${old.id}`, headers: bearer(rep) })
    expect(mine.json<ComplaintView>().sla).toMatchObject({ dueOn: '2026-09-18', timeLimitWorkingDays: 13 })
    expect((await staffView(after, old.id)).sla.dueOn).toBe('2026-09-18')
    const listed = (await staffList(after)).find((item) => item.id === old.id)
    expect(listed?.sla).toMatchObject({ dueOn: '2026-09-18', timeLimitWorkingDays: 13 })

    const fresh = await created(after, rep)
    expect(fresh.sla).toMatchObject({ dueOn: '2026-09-10', timeLimitWorkingDays: 7 })
    expect(fresh.limits.timeLimitWorkingDays).toBe(7)

    // On 9/14 the new case is late and the old one is not: the overdue filter and 督办 agree.
    const monday = await appWith(rulesWith(7), LATER)
    const overdue = (await staffList(monday, '?overdue=true')).map((item) => item.id)
    expect(overdue).toContain(fresh.id)
    expect(overdue).not.toContain(old.id)
    const supervise = await monday.inject({
      method: 'POST',
      url: '/api/v1/admin/complaints/supervise',
      headers: bearer(TEST_ADMIN_KEY),
      payload: {},
    })
    expect(supervise.statusCode).toBe(200)
    const supervised = supervise.json<{ supervised: string[] }>().supervised
    expect(supervised).toContain(fresh.id)
    expect(supervised).not.toContain(old.id)
  })

  it('a case reclassified at 受理 takes the new category’s limit as the city sets it then', async () => {
    const app = await appWith(rulesWith(13), SUBMITTED)
    const rep = await userToken(app, DEMO.rep)
    const view = await created(app, rep, { ...VALID_INPUT, category: 'enquiry' })
    // 咨询 3: (1) 9/2 (2) 9/3 (3) 9/4.
    expect(view.sla).toMatchObject({ dueOn: '2026-09-04', timeLimitWorkingDays: 3 })
    const changed = await appWith(rulesWith(7), SUBMITTED)
    const accepted = await staffAction(changed, view.id, { type: 'accept', category: 'complaint' })
    expect(accepted.statusCode).toBe(200)
    expect(accepted.json<ComplaintView>().sla).toMatchObject({ dueOn: '2026-09-10', timeLimitWorkingDays: 7 })
    expect((await staffView(app, view.id)).limits.timeLimitWorkingDays).toBe(7)
  })

  it('a category the city withdraws keeps working for its open cases and is refused for new ones', async () => {
    const app = await appWith(rulesWith(13), SUBMITTED)
    const rep = await userToken(app, DEMO.rep)
    const urgent = await created(app, rep, { ...VALID_INPUT, category: 'urgent' })
    const withoutUrgent: ComplaintRules = {
      ...DEFAULT_COMPLAINT_RULES,
      categories: DEFAULT_COMPLAINT_RULES.categories.filter((category) => category.code !== 'urgent'),
    }
    const later = await appWith(withoutUrgent, SUBMITTED)
    // 紧急 1: 9/2.
    expect((await staffView(later, urgent.id)).sla).toMatchObject({ dueOn: '2026-09-02', timeLimitWorkingDays: 1 })
    expect((await staffList(later, '?overdue=false')).map((item) => item.id)).toContain(urgent.id)
    expect((await staffAction(later, urgent.id, { type: 'accept' })).statusCode).toBe(200)
    expectError(await submit(later, rep, { ...VALID_INPUT, category: 'urgent' }), 400, 'VALIDATION_FAILED')
    expectError(
      await staffAction(later, (await created(later, rep)).id, { type: 'accept', category: 'urgent' }),
      400,
      'VALIDATION_FAILED',
    )
  })

  it('a 差评 gets the 回访 limits in force when the case was submitted', async () => {
    const app = await appWith(rulesWith(13, { callBackWorkingDays: 3, rectifyWorkingDays: 20 }), SUBMITTED)
    const rep = await userToken(app, DEMO.rep)
    const view = await created(app, rep)
    expect(view.limits.returnVisit).toEqual({ callBackWorkingDays: 3, rectifyWorkingDays: 20 })
    // The city goes back to the defaults (1 and 15) before the case is rated.
    const later = await appWith(rulesWith(13), SUBMITTED)
    for (const step of [{ type: 'accept' }, { type: 'reply', answer: '已安排市政部门疏通排水口，积水已清除。' }]) {
      expect((await staffAction(later, view.id, step)).statusCode).toBe(200)
    }
    const rated = await userAction(later, rep, view.id, { type: 'rate', level: 'dissatisfied' })
    expect(rated.statusCode).toBe(200)
    // Rated 9/1: call back 3 working days → 9/4 (not 1 → 9/2); rectify 20 → (13) 9/18 (14) Sun 9/20
    // 调休 (15) 9/21 … (18) 9/24, 中秋 9/25–27 off, (19) 9/28 (20) 9/29 (not 15 → 9/21).
    expect(rated.json<ComplaintView>().case.returnVisit).toMatchObject({
      callBackBy: '2026-09-04',
      rectifyBy: '2026-09-29',
    })
  })

  it('migration 019 gives existing cases the limits in force until now, by their category', async () => {
    const own = await openTestDb()
    try {
      const storage = localDiskStorage(mkdtempSync(join(tmpdir(), 'zqt-attachments-')))
      const app = buildApp({
        db: own.db,
        config: testConfig(),
        now: () => Date.parse(SUBMITTED),
        attachmentStorage: storage,
      })
      await app.ready()
      const rep = await userToken(app, DEMO.rep)
      const enquiry = (await submit(app, rep, { ...VALID_INPUT, category: 'enquiry' })).json<ComplaintView>()
      const help = (await submit(app, rep, { ...VALID_INPUT, category: 'help' })).json<ComplaintView>()
      await app.close()
      // Back to the schema before 019, as a database that ran the old code.
      await own.db.exec(`alter table complaints drop constraint complaints_limits_range;
        alter table complaints drop column time_limit_working_days;
        alter table complaints drop column call_back_working_days;
        alter table complaints drop column rectify_working_days;
        delete from schema_migrations where version = '019_complaint_limits';`)
      expect(await migrate(own.db, loadMigrations())).toEqual(['019_complaint_limits'])
      const { rows } = await own.db.query<{ id: string; t: number; c: number; r: number }>(
        `select id, time_limit_working_days as t, call_back_working_days as c, rectify_working_days as r
         from complaints where id = any($1::uuid[])`,
        [[enquiry.id, help.id]],
      )
      const byId = new Map(rows.map((row) => [row.id, [row.t, row.c, row.r]]))
      expect(byId.get(enquiry.id)).toEqual([3, 1, 15])
      expect(byId.get(help.id)).toEqual([5, 1, 15])
    } finally {
      await own.close()
    }
  })
})

describe('COMPLAINT_RULES', () => {
  const env = (rules?: string) => ({
    NODE_ENV: 'test',
    SANDBOX: '1',
    ...(rules === undefined ? {} : { COMPLAINT_RULES: rules }),
  })

  it('defaults to the domain’s table and reads a city’s own', () => {
    expect(loadConfig(env()).complaintRules).toEqual(DEFAULT_COMPLAINT_RULES)
    const beijing = {
      categories: [
        { code: 'enquiry', name: ' 咨询 ', timeLimitWorkingDays: 5 },
        { code: 'complaint', name: '投诉', timeLimitWorkingDays: 11 },
      ],
      returnVisit: { callBackWorkingDays: 2, rectifyWorkingDays: 10 },
    }
    expect(loadConfig(env(JSON.stringify(beijing))).complaintRules).toEqual({
      ...beijing,
      categories: [
        { code: 'enquiry', name: '咨询', timeLimitWorkingDays: 5 },
        { code: 'complaint', name: '投诉', timeLimitWorkingDays: 11 },
      ],
    })
  })

  it.each([
    ['not JSON', '{categories:', /COMPLAINT_RULES must be JSON/],
    ['not an object', '[1]', /must be a JSON object/],
    ['no categories', '{"returnVisit":{"callBackWorkingDays":1,"rectifyWorkingDays":15}}', /至少需要配置一个诉求类别/],
    [
      'an unknown category and days out of range',
      JSON.stringify({
        categories: [
          { code: 'petition', name: '信访', timeLimitWorkingDays: 60 },
          { code: 'complaint', name: '投诉', timeLimitWorkingDays: 61 },
        ],
        returnVisit: { callBackWorkingDays: 1, rectifyWorkingDays: 15 },
      }),
      /未知的诉求类别：petition；类别 complaint 的办理时限须为 1–60 个工作日的整数/,
    ],
    [
      'a misspelt key',
      JSON.stringify({ ...DEFAULT_COMPLAINT_RULES, returnVisits: DEFAULT_COMPLAINT_RULES.returnVisit }),
      /未知的配置项：returnVisits/,
    ],
    ['no 回访 limits', JSON.stringify({ categories: DEFAULT_COMPLAINT_RULES.categories }), /回访时限须为/],
  ])('refuses to start with %s', (_name, raw, message) => {
    expect(() => loadConfig(env(raw))).toThrow(ConfigError)
    expect(() => loadConfig(env(raw))).toThrow(message)
  })

  it('is the table submissions are checked against', async () => {
    const app = await appWith(rulesWith(13), SUBMITTED)
    const rep = await userToken(app, DEMO.rep)
    const onlyComplaints = await appWith(
      { ...DEFAULT_COMPLAINT_RULES, categories: [{ code: 'complaint', name: '投诉', timeLimitWorkingDays: 9 }] },
      SUBMITTED,
    )
    const refused = await submit(onlyComplaints, rep, { ...VALID_INPUT, category: 'help' })
    expectError(refused, 400, 'VALIDATION_FAILED')
    expect(refused.json<{ message: string }>().message).toContain('该诉求类别未开通')
    expect((await created(onlyComplaints, rep)).sla.timeLimitWorkingDays).toBe(9)
  })
})
