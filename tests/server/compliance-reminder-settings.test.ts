import type { FastifyInstance } from 'fastify'
import * as endpoints from '../../src/contract/compliance/reminder-endpoints'
import { requestOf } from './contract-request'
import { bearer, expectError, loginSandbox, openTestDb, type TestDb } from './helpers'
import { appAt, makeEnterprise, makeUser } from './licences-kit'

/** 合规提醒 per kind: every kind on until switched off; the door refuses anything but the five switches. */

let testDb: TestDb
let app: FastifyInstance
let token: string

const OPERATION = {
  GET: endpoints.getComplianceReminderSettings,
  PUT: endpoints.saveComplianceReminderSettings,
} as const

const call = (method: 'GET' | 'PUT', payload?: unknown, headers: Record<string, string> = bearer(token)) =>
  app.inject({ ...requestOf(OPERATION[method]), headers, payload: payload as object })

const ALL_ON = {
  'annual-report': true,
  'tax-filing': true,
  'credit-repair': true,
  'policy-window': true,
  complaint: true,
}

beforeAll(async () => {
  testDb = await openTestDb({ seed: false })
  app = await appAt(testDb.db, '2026-06-10')
  const enterprise = await makeEnterprise(testDb.db)
  await makeUser(testDb.db, { phone: '13900000021', links: [{ enterpriseId: enterprise.id }] })
  token = (await loginSandbox(app, '13900000021')).token
})
afterAll(async () => {
  await app.close()
  await testDb.close()
})

describe('compliance reminder settings', () => {
  it('are all on by default', async () => {
    const response = await call('GET')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ kinds: ALL_ON })
  })

  it('save the user’s switches, twelve identical saves leaving one row per kind', async () => {
    const kinds = { ...ALL_ON, 'tax-filing': false, complaint: false }
    const responses = await Promise.all(Array.from({ length: 12 }, () => call('PUT', { kinds })))
    for (const response of responses) expect(response.json()).toEqual({ kinds })
    expect((await call('GET')).json()).toEqual({ kinds })
    const { rows } = await testDb.db.query<{ n: number }>('select count(*)::int as n from compliance_reminder_settings')
    expect(rows[0].n).toBe(5)
  })

  it.each([
    ['a kind missing', { kinds: { ...ALL_ON, complaint: undefined } }],
    ['an unknown kind', { kinds: { ...ALL_ON, licence: true } }],
    ['not a boolean', { kinds: { ...ALL_ON, 'tax-filing': 'no' } }],
    ['no body shape at all', [1, 2]],
  ])('refuse %s with 400 and a stable code', async (_name, body) => {
    const response = await call('PUT', body)
    expectError(response, 400, 'VALIDATION_FAILED')
    expect(response.json().message).toMatch(/[\u4e00-\u9fa5]/)
  })

  it('need a signed-in user', async () => {
    expect((await call('GET', undefined, {})).statusCode).toBe(401)
  })
})
