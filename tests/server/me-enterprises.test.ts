import { randomUUID } from 'node:crypto'
import { checkUscc } from '../../src/domain/uscc'
import type { EnterpriseSummary } from '../../src/contract/account/schemas'
import { bearer, countRows, createTestApp, DEMO, expectError, loginSandbox, type TestApp } from './helpers'

let t: TestApp
let repToken: string
let agentToken: string
let repEnterprises: EnterpriseSummary[]
let agentEnterprises: EnterpriseSummary[]
/** One of the agent's enterprises the legal representative has nothing to do with. */
let notRepsId: string

const get = (url: string, token: string) => t.app.inject({ url, headers: bearer(token) })
const put = (url: string, token: string, payload: object) =>
  t.app.inject({ method: 'PUT', url, headers: bearer(token), payload })

beforeAll(async () => {
  t = await createTestApp()
  repToken = (await loginSandbox(t.app, DEMO.rep)).token
  agentToken = (await loginSandbox(t.app, DEMO.agent)).token
  repEnterprises = (await get('/api/v1/enterprises', repToken)).json()
  agentEnterprises = (await get('/api/v1/enterprises', agentToken)).json()
  notRepsId = agentEnterprises.find((a) => !repEnterprises.some((r) => r.id === a.id))!.id
})
afterAll(() => t.close())

describe('enterprise list', () => {
  it("lists the caller's enterprises with the caller's role", () => {
    expect(repEnterprises).toHaveLength(2)
    expect(repEnterprises.every((e) => e.role === 'legal_representative')).toBe(true)
    expect(agentEnterprises).toHaveLength(5)
    expect(agentEnterprises.every((e) => e.role === 'agent')).toBe(true)
    for (const e of [...repEnterprises, ...agentEnterprises]) expect(checkUscc(e.uscc).ok).toBe(true)
  })

  it("shows a shared enterprise with each user's own role", () => {
    const shared = repEnterprises.filter((r) => agentEnterprises.some((a) => a.id === r.id))
    expect(shared).toHaveLength(1)
    expect(agentEnterprises.find((a) => a.id === shared[0].id)?.role).toBe('agent')
    expect(shared[0].role).toBe('legal_representative')
  })

  it('is empty for a user with no enterprise', async () => {
    const { token } = await loginSandbox(t.app, DEMO.handler)
    expect((await get('/api/v1/enterprises', token)).json()).toEqual([])
  })
})

describe('enterprise profile and the access check', () => {
  it('returns the profile of a linked enterprise', async () => {
    const response = await get(`/api/v1/enterprises/${repEnterprises[0].id}`, repToken)
    expect(response.statusCode).toBe(200)
    const profile = response.json()
    expect(profile).toMatchObject({ ...repEnterprises[0], legalRepresentative: '张建国' })
    expect(profile.industryCode).toMatch(/^[A-T]\d{4}$/)
    expect(profile.foundedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(typeof profile.registeredCapitalWan).toBe('number')
    expect(Object.keys(profile).sort()).toEqual(
      [
        'address',
        'employees',
        'foundedOn',
        'id',
        'industryCode',
        'industryName',
        'legalRepresentative',
        'name',
        'region',
        'regionPath',
        'registeredCapitalWan',
        'role',
        'uscc',
      ].sort(),
    )
  })

  it("forbids another user's enterprise", async () => {
    const response = await get(`/api/v1/enterprises/${notRepsId}`, repToken)
    expectError(response, 403, 'ENTERPRISE_FORBIDDEN')
    expect(response.json().message).toBe('您无权查看或操作该企业')
  })

  it('answers an unknown enterprise exactly like a forbidden one', async () => {
    const unknown = await get(`/api/v1/enterprises/${randomUUID()}`, repToken)
    const notMine = await get(`/api/v1/enterprises/${notRepsId}`, repToken)
    expect(unknown.statusCode).toBe(403)
    expect(unknown.body).toBe(notMine.body)
  })

  it('rejects a malformed id with VALIDATION_FAILED', async () => {
    const response = await get('/api/v1/enterprises/not-a-uuid', repToken)
    expectError(response, 400, 'VALIDATION_FAILED')
    expect(response.json().details[0].field).toBe('enterpriseId')
  })

  it('requires a session', async () => {
    expectError(await t.app.inject(`/api/v1/enterprises/${repEnterprises[0].id}`), 401, 'UNAUTHORIZED')
  })
})

describe('current enterprise', () => {
  it('switches and persists across requests', async () => {
    const target = agentEnterprises[3].id
    const response = await put('/api/v1/me/current-enterprise', agentToken, { enterpriseId: target })
    expect(response.statusCode).toBe(200)
    expect(response.json().currentEnterpriseId).toBe(target)
    expect((await get('/api/v1/me', agentToken)).json().currentEnterpriseId).toBe(target)
  })

  it('refuses an enterprise the user is not linked to, leaving the current one', async () => {
    const before = (await get('/api/v1/me', repToken)).json().currentEnterpriseId
    expectError(
      await put('/api/v1/me/current-enterprise', repToken, { enterpriseId: notRepsId }),
      403,
      'ENTERPRISE_FORBIDDEN',
    )
    expect((await get('/api/v1/me', repToken)).json().currentEnterpriseId).toBe(before)
  })

  it('validates the body', async () => {
    expectError(await put('/api/v1/me/current-enterprise', repToken, { enterpriseId: 'x' }), 400, 'VALIDATION_FAILED')
    expectError(await put('/api/v1/me/current-enterprise', repToken, {}), 400, 'VALIDATION_FAILED')
  })
})

describe('consent', () => {
  it('rejects a non-boolean accepted without writing', async () => {
    const records = await countRows(t.db, 'consent_records')
    expectError(
      await put('/api/v1/me/consent', repToken, { accepted: 'false', version: '2025-01' }),
      400,
      'VALIDATION_FAILED',
    )
    expect(await countRows(t.db, 'consent_records')).toBe(records)
  })

  it('records a new version when accepted', async () => {
    const response = await put('/api/v1/me/consent', repToken, { accepted: true, version: '2025-06' })
    expect(response.statusCode).toBe(200)
    expect(response.json().consent).toMatchObject({ accepted: true, version: '2025-06' })
  })

  it('revoking ends every session of the user, and only theirs', async () => {
    // A user of its own: the other tests keep the legal representative's session.
    const phone = '13900000041'
    const first = await loginSandbox(t.app, phone)
    const second = await loginSandbox(t.app, phone)
    const response = await put('/api/v1/me/consent', first.token, { accepted: false, version: '2025-06' })
    expect(response.statusCode).toBe(200)
    expect(response.json().consent).toMatchObject({ accepted: false, version: '2025-06' })
    expectError(await get('/api/v1/me', first.token), 401, 'SESSION_EXPIRED')
    expectError(await get('/api/v1/me', second.token), 401, 'SESSION_EXPIRED')
    expect((await get('/api/v1/me', agentToken)).statusCode).toBe(200)
    expect((await get('/api/v1/me', repToken)).statusCode).toBe(200)

    const again = await loginSandbox(t.app, phone, '2025-06')
    expect(again.user.consent).toMatchObject({ accepted: true, version: '2025-06' })
    const { rows } = await t.db.query<{ accepted: boolean }>(
      'select accepted from consent_records where user_id = $1 order by id',
      [again.user.id],
    )
    expect(rows.map((row) => row.accepted).slice(-2)).toEqual([false, true])
  })
})
