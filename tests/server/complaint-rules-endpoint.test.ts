/**
 * GET /api/v1/complaint-rules (issue #13 item 7): the city's complaint table (COMPLAINT_RULES) as
 * the server applies it to new cases — public, so the new-complaint form can show it before login.
 */
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app'
import { DEFAULT_COMPLAINT_RULES, type ComplaintRules } from '../../src/domain/complaints/categories'
import { openTestDb, testConfig, type TestDb } from './helpers'

const CITY: ComplaintRules = {
  categories: [
    { code: 'enquiry', name: '咨询', timeLimitWorkingDays: 2 },
    { code: 'complaint', name: '投诉', timeLimitWorkingDays: 7 },
  ],
  returnVisit: { callBackWorkingDays: 2, rectifyWorkingDays: 10 },
}

let testDb: TestDb
const apps: FastifyInstance[] = []

async function appWith(rules?: ComplaintRules): Promise<FastifyInstance> {
  const config = testConfig(rules ? { complaintRules: rules } : {})
  const app = buildApp({ db: testDb.db, config, now: () => Date.parse('2026-09-01T10:00:00+08:00') })
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

test("a city's table is served as configured, without a session", async () => {
  const app = await appWith(CITY)
  const response = await app.inject({ method: 'GET', url: '/api/v1/complaint-rules' })
  expect(response.statusCode).toBe(200)
  expect(response.json()).toEqual(CITY)
})

test('without COMPLAINT_RULES the built-in table is served', async () => {
  const app = await appWith()
  const response = await app.inject({ method: 'GET', url: '/api/v1/complaint-rules' })
  expect(response.statusCode).toBe(200)
  expect(response.json()).toEqual(DEFAULT_COMPLAINT_RULES)
})

test('unknown query parameters are a 400, not ignored', async () => {
  const app = await appWith()
  const response = await app.inject({ method: 'GET', url: '/api/v1/complaint-rules?x=1' })
  expect(response.statusCode).toBe(400)
  expect(response.json().code).toBe('VALIDATION_FAILED')
})
