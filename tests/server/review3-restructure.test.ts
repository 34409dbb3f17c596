import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { buildApp } from '../../server/app'
import { bearer, DEMO, loginSandbox, openTestDb, testConfig, type TestDb } from './helpers'

/**
 * review3: a stranger's attack on routes that moved in the restructure (issue #13): odd bodies,
 * NUL bytes and twelve identical writes at once on members DELETE, compliance-reminder-settings
 * PUT, calendar-feeds POST and seal-verifications POST. Each a 4xx with a stable code and a Chinese
 * message, never a 5xx; the writes idempotent. The app clock is pinned.
 */

const NOW = Date.parse('2026-12-07T02:00:00Z')

let testDb: TestDb
let app: FastifyInstance
let rep: { authorization: string }
let enterpriseId: string

beforeAll(async () => {
  testDb = await openTestDb()
  app = buildApp({ db: testDb.db, config: testConfig(), now: () => NOW })
  await app.ready()
  rep = bearer((await loginSandbox(app, DEMO.rep)).token)
  const enterprises = (await app.inject({ method: 'GET', url: '/api/v1/enterprises', headers: rep })).json()
  enterpriseId = enterprises[0].id
})
afterAll(async () => {
  await app.close()
  await testDb.close()
})

function expect4xx(response: LightMyRequestResponse): void {
  expect(response.statusCode).toBeGreaterThanOrEqual(400)
  expect(response.statusCode).toBeLessThan(500)
  const body = response.json()
  expect(body.code).toMatch(/^[A-Z_]+$/)
  expect(body.message).toMatch(/[\u4e00-\u9fa5]/)
}

const raw = (method: 'PUT' | 'POST' | 'DELETE', url: string, payload: string, headers = rep) =>
  app.inject({ method, url, headers: { ...headers, 'content-type': 'application/json' }, payload })

const ODD_BODIES = ['{', '{"kinds":', 'null', '[]', '"x"', '{"kinds":{"annual-report":"\\u0000"}}', '\u0000']

describe('routes that moved, attacked', () => {
  it('compliance-reminder-settings PUT: odd bodies are 4xx; twelve identical saves agree', async () => {
    for (const body of ODD_BODIES) expect4xx(await raw('PUT', '/api/v1/me/compliance-reminder-settings', body))
    const kinds = {
      'annual-report': true,
      'tax-filing': false,
      'credit-repair': true,
      'policy-window': true,
      complaint: true,
    }
    const responses = await Promise.all(
      Array.from({ length: 12 }, () =>
        raw('PUT', '/api/v1/me/compliance-reminder-settings', JSON.stringify({ kinds })),
      ),
    )
    for (const response of responses) expect(response.json()).toEqual({ kinds })
  })

  it('calendar-feeds POST: a NUL byte or odd scope is 4xx; twelve identical creations leave one feed', async () => {
    for (const scope of ['%00', 'all%00', 'a'.repeat(300), '..', '%E4%B8%AD']) {
      expect4xx(await raw('POST', `/api/v1/me/calendar-feeds/${scope}`, ''))
    }
    expect4xx(await raw('POST', '/api/v1/me/calendar-feeds/all', '{'))
    const responses = await Promise.all(
      Array.from({ length: 12 }, () => raw('POST', '/api/v1/me/calendar-feeds/all', '')),
    )
    for (const response of responses) expect(response.statusCode).toBe(201)
    const listed = (await app.inject({ method: 'GET', url: '/api/v1/me/calendar-feeds', headers: rep })).json()
    expect(listed.feeds.filter((feed: { scope: string }) => feed.scope === 'all')).toHaveLength(1)
  })

  it('seal-verifications POST: odd bodies are 4xx, never a 5xx', async () => {
    for (const body of [...ODD_BODIES, '{"signatureId":"\\u0000"}', '{"documentSm3":"\u0000"}']) {
      expect4xx(await raw('POST', '/api/v1/seal-verifications', body, {} as never))
    }
  })

  it('members DELETE: odd ids are 4xx; twelve identical removals all answer 204 and leave the member gone', async () => {
    const base = `/api/v1/enterprises/${enterpriseId}/members`
    for (const id of ['%00', 'not-a-uuid', '00000000-0000-0000-0000-00000000000%00'])
      expect4xx(await raw('DELETE', `${base}/${id}`, ''))
    const members = (await app.inject({ method: 'GET', url: base, headers: rep })).json()
    const other = members.find((member: { isSelf: boolean }) => !member.isSelf)
    expect(other).toBeDefined()
    const responses = await Promise.all(Array.from({ length: 12 }, () => raw('DELETE', `${base}/${other.userId}`, '')))
    for (const response of responses) expect(response.statusCode).toBe(204)
    const after = (await app.inject({ method: 'GET', url: base, headers: rep })).json()
    expect(after.find((member: { userId: string }) => member.userId === other.userId)?.active ?? false).toBe(false)
  })
})
