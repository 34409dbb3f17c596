import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app'
import { BY_CODE_LIMIT_PER_MINUTE } from '../../server/capabilities/complaints/by-code-route'
import type { ComplaintView } from '../../src/contract/complaints/schemas'
import { DEMO, expectError, loginSandbox, openTestDb, testConfig, type TestDb } from './helpers'
import { complaintsApp, samplePhoto, submit, upload, VALID_INPUT } from './complaints-kit'

// An anonymous submitter follows the case with the query code alone: no session, nothing about who
// submitted it, no photos, and a per-address limit so codes cannot be tried in bulk.

let testDb: TestDb
let app: FastifyInstance
let submitterId: string
let code: string
let complaintId: string
let photoId: string

const byCode = (target: FastifyInstance, queryCode: string, remoteAddress = '203.0.113.7') =>
  target.inject({ method: 'GET', url: `/api/v1/complaints/by-code/${queryCode}`, remoteAddress })

beforeAll(async () => {
  testDb = await openTestDb()
  app = (await complaintsApp(testDb.db)).app
  const login = await loginSandbox(app, DEMO.rep)
  submitterId = login.user.id
  const photo = await upload(app, login.token, await samplePhoto('png'), 'image/png')
  expect(photo.statusCode).toBe(201)
  photoId = photo.json().attachmentId
  const response = await submit(app, login.token, {
    ...VALID_INPUT,
    anonymous: true,
    contactPhone: null,
    attachmentIds: [photoId],
  })
  expect(response.statusCode).toBe(201)
  const view = response.json<ComplaintView>()
  code = view.queryCode!
  complaintId = view.id
})

afterAll(async () => {
  await app.close()
  await testDb.close()
})

describe('querying a case by its code, signed out', () => {
  it('shows the case’s content, state and steps without a session', async () => {
    const response = await byCode(app, `${code.slice(0, 5)}-${code.slice(5).toLowerCase()}`)
    expect(response.statusCode).toBe(200)
    const view = response.json<ComplaintView>()
    expect(view).toMatchObject({
      id: complaintId,
      title: VALID_INPUT.title,
      description: VALID_INPUT.description,
      anonymous: true,
      statusLabel: expect.any(String),
    })
    expect(view.timeline.length).toBeGreaterThan(0)
    expect(view.sla.text).toEqual(expect.any(String))
  })

  it('tells nothing about the submitter, offers no step and leaves the photos out', async () => {
    const view = (await byCode(app, code)).json<ComplaintView>()
    expect(view.contactPhoneMasked).toBeNull()
    expect(view.availableActions).toEqual([])
    expect(view.attachments).toEqual([])
    expect(view.queryCode).toBeUndefined()
    const body = JSON.stringify(view)
    expect(body).not.toContain(submitterId)
    expect(body).not.toContain(DEMO.rep)
    expect(body).not.toContain(DEMO.rep.slice(-4))
    // The photo itself still needs the submitter's session.
    const photoUrl = `/api/v1/complaints/${complaintId}/attachments/${photoId}`
    expectError(await app.inject({ method: 'GET', url: photoUrl }), 401, 'UNAUTHORIZED')
  })

  it('answers a well-formed code nobody holds with 404 and a mistyped one with 400', async () => {
    expectError(await byCode(app, '2222222222'), 404, 'COMPLAINT_NOT_FOUND')
    const typo = code.slice(0, 9) + (code[9] === 'A' ? 'B' : 'A')
    expectError(await byCode(app, typo), 400, 'VALIDATION_FAILED')
  })

  it('still needs a session for everything else', async () => {
    expectError(await app.inject({ method: 'GET', url: '/api/v1/complaints' }), 401, 'UNAUTHORIZED')
    expectError(await app.inject({ method: 'GET', url: `/api/v1/complaints/${complaintId}` }), 401, 'UNAUTHORIZED')
  })
})

describe('the per-address limit (production settings)', () => {
  let production: FastifyInstance

  beforeAll(async () => {
    production = buildApp({ db: testDb.db, config: testConfig({ sandbox: false }) })
    await production.ready()
  })
  afterAll(async () => {
    await production.close()
  })

  it(`answers ${BY_CODE_LIMIT_PER_MINUTE} queries a minute from one address, then 429 in Chinese`, async () => {
    for (let i = 0; i < BY_CODE_LIMIT_PER_MINUTE; i++) {
      // Wrong codes count too: that is what guessing looks like.
      const response = await byCode(production, i % 2 === 0 ? code : '2222222222', '198.51.100.1')
      expect(response.statusCode).toBe(i % 2 === 0 ? 200 : 404)
    }
    const limited = await byCode(production, code, '198.51.100.1')
    expect(limited.statusCode).toBe(429)
    expect(limited.json()).toEqual({ code: 'RATE_LIMITED', message: '查询过于频繁，请稍后再试' })
    // Another address is not held back.
    expect((await byCode(production, code, '198.51.100.2')).statusCode).toBe(200)
  })
})

describe('behind a reverse proxy (TRUST_PROXY=1)', () => {
  let proxied: FastifyInstance

  beforeAll(async () => {
    proxied = buildApp({ db: testDb.db, config: testConfig({ sandbox: false, trustProxyHops: 1 }) })
    await proxied.ready()
  })
  afterAll(async () => {
    await proxied.close()
  })

  const viaProxy = (client: string) =>
    proxied.inject({
      method: 'GET',
      url: `/api/v1/complaints/by-code/${code}`,
      remoteAddress: '10.0.0.2',
      headers: { 'x-forwarded-for': client },
    })

  it('counts each client behind the proxy, not the proxy itself', async () => {
    for (let i = 0; i < BY_CODE_LIMIT_PER_MINUTE; i++) expect((await viaProxy('192.0.2.10')).statusCode).toBe(200)
    expect((await viaProxy('192.0.2.10')).statusCode).toBe(429)
    expect((await viaProxy('192.0.2.11')).statusCode).toBe(200)
  })

  it('a client cannot escape the limit by sending its own X-Forwarded-For: the proxy-appended entry counts', async () => {
    for (let i = 0; i < BY_CODE_LIMIT_PER_MINUTE; i++) {
      expect((await viaProxy(`198.18.0.${i}, 192.0.2.20`)).statusCode).toBe(200)
    }
    expect((await viaProxy('198.18.1.1, 192.0.2.20')).statusCode).toBe(429)
  })
})
