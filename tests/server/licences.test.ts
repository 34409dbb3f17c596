import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { EnterpriseSummary } from '../../src/contract/account/schemas'
import type { LicenceInput, LicenceListResponse, LicenceView } from '../../src/contract/licences/schemas'
import { seedDemoData } from '../../server/seed/demo'
import { LICENCE_CATALOGUE, findLicenceType } from '../../src/domain/licences/catalogue'
import { renewalDeadline } from '../../src/domain/licences/deadline'
import { licenceStatus, urgencyOrder } from '../../src/domain/licences/status'
import { bearer, countRows, DEMO, expectError, loginSandbox, openTestDb, type TestDb } from './helpers'
import { appAt } from './licences-kit'

const TODAY = '2026-03-10'

let testDb: TestDb
let app: FastifyInstance
let repToken: string
let agentToken: string
/** 许昌建丰: linked to both the legal representative and the agent. */
let shared: string
/** 许昌瑞丰: the legal representative's only. */
let repOnly: string
/** One of the agent's enterprises the legal representative has nothing to do with. */
let agentOnly: string

const hygiene = findLicenceType(LICENCE_CATALOGUE, 'public-venue-hygiene')!

function input(overrides: Partial<LicenceInput> = {}): LicenceInput {
  return {
    typeCode: 'public-venue-hygiene',
    number: `卫公证字〔2024〕第${randomUUID().slice(0, 8)}号`,
    authority: '许昌市卫生健康委员会',
    issuedOn: '2024-05-06',
    expiresOn: '2028-05-05',
    scope: '住宿；美容美发',
    ...overrides,
  }
}

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token: string, payload?: unknown, headers = {}) =>
  app.inject({ method, url: `/api/v1${url}`, headers: { ...bearer(token), ...headers }, payload: payload as object })

async function create(enterpriseId: string, body: LicenceInput = input(), token = repToken): Promise<LicenceView> {
  const response = await call('POST', `/enterprises/${enterpriseId}/licences`, token, body)
  expect(response.statusCode).toBe(201)
  return response.json()
}

/** Rows a rejected request must not have touched. */
async function writes(): Promise<unknown[]> {
  const { rows } = await testDb.db.query<{ last: string | null }>('select max(updated_at)::text as last from licences')
  return [
    await countRows(testDb.db, 'licences'),
    await countRows(testDb.db, 'licence_history'),
    await countRows(testDb.db, 'idempotency_keys'),
    rows[0].last,
  ]
}

beforeAll(async () => {
  testDb = await openTestDb({ seed: false })
  await seedDemoData(testDb.db, TODAY)
  app = await appAt(testDb.db, TODAY)
  repToken = (await loginSandbox(app, DEMO.rep)).token
  agentToken = (await loginSandbox(app, DEMO.agent)).token
  const repList: EnterpriseSummary[] = (await call('GET', '/enterprises', repToken)).json()
  const agentList: EnterpriseSummary[] = (await call('GET', '/enterprises', agentToken)).json()
  shared = repList.find((e) => agentList.some((a) => a.id === e.id))!.id
  repOnly = repList.find((e) => e.id !== shared)!.id
  agentOnly = agentList.find((a) => !repList.some((r) => r.id === a.id))!.id
})
afterAll(async () => {
  await app.close()
  await testDb.close()
})

describe('the wallet list', () => {
  // The demo enterprise's seeded licences only: other tests add theirs to the same enterprise.
  beforeEach(async () => {
    await testDb.db.query(`delete from licences where enterprise_id = $1 and source <> 'seed'`, [repOnly])
  })

  it("shows each demo enterprise's licences in every status, counted, most pressing first", async () => {
    const response = await call('GET', `/enterprises/${repOnly}/licences`, repToken)
    expect(response.statusCode).toBe(200)
    const list: LicenceListResponse = response.json()
    expect(list.asOf).toBe(TODAY)
    expect(list.counts).toEqual({
      valid: 1,
      'renewal-due': 1,
      urgent: 1,
      'deadline-missed': 1,
      expired: 1,
      renewing: 1,
      cancelled: 1,
    })
    expect(list.items.map((item) => item.status)).toEqual([
      'deadline-missed',
      'urgent',
      'expired',
      'renewal-due',
      'renewing',
      'valid',
      'cancelled',
    ])
    const food = list.items.find((item) => item.typeCode === 'food-production')
    expect(food).toMatchObject({ typeName: '食品生产许可证', authority: '许昌市市场监督管理局' })
  })

  it('filters by status and by text, while the counts stay over everything', async () => {
    const mine = await create(repOnly, input({ number: 'WS-FILTER-0001', expiresOn: '2026-04-15' }))
    const byStatus: LicenceListResponse = (
      await call('GET', `/enterprises/${repOnly}/licences?status=${mine.status}`, repToken)
    ).json()
    expect(byStatus.items.every((item) => item.status === mine.status)).toBe(true)
    expect(byStatus.items.map((item) => item.id)).toContain(mine.id)
    const byText: LicenceListResponse = (
      await call('GET', `/enterprises/${repOnly}/licences?q=ws-filter`, repToken)
    ).json()
    expect(byText.items.map((item) => item.id)).toEqual([mine.id])
    expect(Object.values(byText.counts).reduce((a, b) => a + b)).toBe(8)
    const sorted = [...byStatus.items].sort(urgencyOrder)
    expect(byStatus.items.map((i) => i.id)).toEqual(sorted.map((i) => i.id))
  })

  it('rejects an unknown status filter and unknown parameters', async () => {
    expectError(await call('GET', `/enterprises/${repOnly}/licences?status=lost`, repToken), 400, 'VALIDATION_FAILED')
    expectError(await call('GET', `/enterprises/${repOnly}/licences?page=2`, repToken), 400, 'VALIDATION_FAILED')
  })
})

describe('adding a licence', () => {
  it('stores it and answers with its deadline and status as the domain computes them', async () => {
    const body = input({ expiresOn: '2026-04-20' })
    const view = await create(repOnly, body)
    const deadline = renewalDeadline('2026-04-20', hygiene.leadRule)
    const status = licenceStatus({ expiresOn: '2026-04-20', leadRule: hygiene.leadRule }, TODAY)
    expect(view).toMatchObject({
      enterpriseId: repOnly,
      typeCode: 'public-venue-hygiene',
      typeName: '公共场所卫生许可证',
      number: body.number,
      scope: '住宿；美容美发',
      status: status.status,
      asOf: TODAY,
      latestApplyOn: deadline.latestApplyOn,
      legalLatestApplyOn: deadline.legalLatestApplyOn,
      daysToDeadline: status.daysToDeadline,
      renewalStartedOn: null,
      history: [],
    })
    const { rows } = await testDb.db.query<{ latest: string }>(
      `select to_char(latest_apply_on, 'YYYY-MM-DD') as latest from licences where id = $1`,
      [view.id],
    )
    expect(rows[0].latest).toBe(deadline.latestApplyOn)
  })

  it('honours Idempotency-Key: the same key twice is one licence with one id', async () => {
    const body = input()
    const key = { 'idempotency-key': `create-${randomUUID()}` }
    const before = await countRows(testDb.db, 'licences')
    const first = await call('POST', `/enterprises/${repOnly}/licences`, repToken, body, key)
    const again = await call('POST', `/enterprises/${repOnly}/licences`, repToken, body, key)
    expect([first.statusCode, again.statusCode]).toEqual([201, 201])
    expect(again.json().id).toBe(first.json().id)
    expect(await countRows(testDb.db, 'licences')).toBe(before + 1)
    // The same key for a different request is refused, not silently answered with the first.
    const other = await call('POST', `/enterprises/${repOnly}/licences`, repToken, input(), key)
    expectError(other, 409, 'IDEMPOTENCY_CONFLICT')
    expect(await countRows(testDb.db, 'licences')).toBe(before + 1)
  })

  it('refuses the same number for the same type and enterprise (409), but not elsewhere', async () => {
    const body = input({ number: 'DUP-2024-0001' })
    await create(repOnly, body)
    const before = await writes()
    const again = await call('POST', `/enterprises/${repOnly}/licences`, repToken, {
      ...body,
      number: ' DUP-2024-0001 ',
    })
    expectError(again, 409, 'LICENCE_DUPLICATE')
    expect(again.json().message).toBe('该企业已登记过相同编号的此类证照')
    expect(await writes()).toEqual(before)
    await create(shared, body)
    await create(repOnly, { ...body, typeCode: 'tobacco-retail' })
  })

  it.each([
    ['expiry before issue', { issuedOn: '2026-01-01', expiresOn: '2025-12-31' }, 'expiresOn'],
    ['an impossible date', { issuedOn: '2026-02-30' }, 'issuedOn'],
    ['a slashed date', { expiresOn: '2027/01/01' }, 'expiresOn'],
    ['issue in the future', { issuedOn: '2026-03-11' }, 'issuedOn'],
    ['an issue date before any licence in force', { issuedOn: '0001-01-01', expiresOn: '0002-01-01' }, 'issuedOn'],
    ['an empty number', { number: '   ' }, 'number'],
    ['a validity far beyond the type', { issuedOn: '2024-01-01', expiresOn: '2034-01-01' }, 'expiresOn'],
  ])('rejects %s with field details and writes nothing', async (_name, overrides, field) => {
    const before = await writes()
    const response = await call('POST', `/enterprises/${repOnly}/licences`, repToken, input(overrides))
    expectError(response, 400, 'VALIDATION_FAILED')
    expect(response.json().details.map((d: { field: string }) => d.field)).toContain(field)
    expect(await writes()).toEqual(before)
  })

  it.each([
    ['a number as the number', { number: 12345 }],
    ['a missing authority', { authority: undefined }],
    ['an unknown field', { colour: 'red' }],
    ['null dates', { issuedOn: null }],
  ])('rejects %s by schema and writes nothing', async (_name, overrides) => {
    const before = await writes()
    const response = await call('POST', `/enterprises/${repOnly}/licences`, repToken, { ...input(), ...overrides })
    expectError(response, 400, 'VALIDATION_FAILED')
    expect(await writes()).toEqual(before)
  })

  it('rejects an unknown licence type with its own code', async () => {
    const before = await writes()
    const response = await call(
      'POST',
      `/enterprises/${repOnly}/licences`,
      repToken,
      input({ typeCode: 'flying-permit' }),
    )
    expectError(response, 400, 'LICENCE_TYPE_UNKNOWN')
    expect(await writes()).toEqual(before)
  })

  it('refuses text/plain and a body that is not JSON', async () => {
    const url = `/api/v1/enterprises/${repOnly}/licences`
    const headers = bearer(repToken)
    const plain = await app.inject({
      method: 'POST',
      url,
      headers: { ...headers, 'content-type': 'text/csv' },
      payload: 'a,b',
    })
    expectError(plain, 415, 'UNSUPPORTED_MEDIA_TYPE')
    const broken = await app.inject({
      method: 'POST',
      url,
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"typeCode":',
    })
    expectError(broken, 400, 'INVALID_JSON')
  })
})

describe('enterprise scoping', () => {
  let foreign: LicenceView

  beforeAll(async () => {
    foreign = await create(agentOnly, input(), agentToken)
  })

  it("answers 403 for another enterprise's list and for adding to it", async () => {
    expectError(await call('GET', `/enterprises/${agentOnly}/licences`, repToken), 403, 'ENTERPRISE_FORBIDDEN')
    const before = await writes()
    expectError(
      await call('POST', `/enterprises/${agentOnly}/licences`, repToken, input()),
      403,
      'ENTERPRISE_FORBIDDEN',
    )
    expect(await writes()).toEqual(before)
  })

  it("answers 404 for another enterprise's licence, whatever the method, and changes nothing", async () => {
    const before = await writes()
    const id = foreign.id
    for (const response of [
      await call('GET', `/licences/${id}`, repToken),
      await call('PUT', `/licences/${id}`, repToken, input()),
      await call('DELETE', `/licences/${id}`, repToken),
      await call('POST', `/licences/${id}/renewal-started`, repToken),
      await call('POST', `/licences/${id}/renewed`, repToken, {
        number: 'X-1',
        issuedOn: TODAY,
        expiresOn: '2030-01-01',
      }),
    ]) {
      expectError(response, 404, 'LICENCE_NOT_FOUND')
    }
    expect(await writes()).toEqual(before)
    expect((await call('GET', `/licences/${id}`, agentToken)).json()).toMatchObject({ id, renewalStartedOn: null })
  })

  it('answers the same 404 for a licence that does not exist, and 400 for a malformed id', async () => {
    expectError(await call('GET', `/licences/${randomUUID()}`, repToken), 404, 'LICENCE_NOT_FOUND')
    expectError(await call('GET', '/licences/not-a-uuid', repToken), 400, 'VALIDATION_FAILED')
  })

  it('lets everyone linked to a shared enterprise see its licences', async () => {
    const mine = await create(shared)
    expect((await call('GET', `/licences/${mine.id}`, agentToken)).statusCode).toBe(200)
  })

  it('requires a session', async () => {
    expectError(await app.inject({ url: `/api/v1/enterprises/${repOnly}/licences` }), 401, 'UNAUTHORIZED')
  })
})

describe('changing a licence', () => {
  it('edits the facts and moves the stored deadline with the expiry', async () => {
    const view = await create(repOnly, input({ expiresOn: '2027-06-30' }))
    const response = await call(
      'PUT',
      `/licences/${view.id}`,
      repToken,
      input({ number: view.number, expiresOn: '2027-09-30' }),
    )
    expect(response.statusCode).toBe(200)
    const latest = renewalDeadline('2027-09-30', hygiene.leadRule).latestApplyOn
    expect(response.json()).toMatchObject({ expiresOn: '2027-09-30', latestApplyOn: latest })
    const { rows } = await testDb.db.query<{ latest: string }>(
      `select to_char(latest_apply_on, 'YYYY-MM-DD') as latest from licences where id = $1`,
      [view.id],
    )
    expect(rows[0].latest).toBe(latest)
  })

  it('refuses an edit into a duplicate or into invalid facts, leaving the licence as it was', async () => {
    const a = await create(repOnly)
    const b = await create(repOnly)
    expectError(await call('PUT', `/licences/${b.id}`, repToken, input({ number: a.number })), 409, 'LICENCE_DUPLICATE')
    expectError(
      await call('PUT', `/licences/${b.id}`, repToken, input({ number: b.number, expiresOn: '2020-01-01' })),
      400,
      'VALIDATION_FAILED',
    )
    expect((await call('GET', `/licences/${b.id}`, repToken)).json()).toMatchObject({
      number: b.number,
      expiresOn: b.expiresOn,
      updatedAt: b.updatedAt,
    })
  })

  it('marks the renewal as started once, keeping the first date', async () => {
    const view = await create(repOnly, input({ expiresOn: '2026-04-01' }))
    const first = await call('POST', `/licences/${view.id}/renewal-started`, repToken)
    expect(first.json()).toMatchObject({ status: 'renewing', statusLabel: '续期办理中', renewalStartedOn: TODAY })
    const again = await call('POST', `/licences/${view.id}/renewal-started`, repToken)
    expect(again.json()).toMatchObject({ renewalStartedOn: TODAY, updatedAt: first.json().updatedAt })
  })

  it('undoes 已提交续期 (撤销): back to its countdown status; undoing twice changes nothing', async () => {
    const view = await create(repOnly, input({ expiresOn: '2026-04-01' }))
    await call('POST', `/licences/${view.id}/renewal-started`, repToken)
    const undone = await call('DELETE', `/licences/${view.id}/renewal-started`, repToken)
    expect(undone.statusCode).toBe(200)
    expect(undone.json()).toMatchObject({ status: view.status, statusLabel: view.statusLabel, renewalStartedOn: null })
    const again = await call('DELETE', `/licences/${view.id}/renewal-started`, repToken)
    expect(again.json()).toMatchObject({ renewalStartedOn: null, updatedAt: undone.json().updatedAt })
    expect((await call('GET', `/licences/${view.id}`, repToken)).json()).toMatchObject({ renewalStartedOn: null })
  })

  it('refuses to start renewing a cancelled licence', async () => {
    const list: LicenceListResponse = (
      await call('GET', `/enterprises/${repOnly}/licences?status=cancelled`, repToken)
    ).json()
    expectError(await call('POST', `/licences/${list.items[0].id}/renewal-started`, repToken), 409, 'LICENCE_CANCELLED')
  })

  it('records a renewal: the old certificate moves to history, the new one replaces it, once', async () => {
    const view = await create(repOnly, input({ issuedOn: '2022-04-01', expiresOn: '2026-03-31' }))
    await call('POST', `/licences/${view.id}/renewal-started`, repToken)
    const renewed = { number: `${view.number}-2026`, issuedOn: '2026-03-09', expiresOn: '2030-03-08' }
    const response = await call('POST', `/licences/${view.id}/renewed`, repToken, renewed)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({
      ...renewed,
      status: 'valid',
      renewalStartedOn: null,
      history: [{ number: view.number, issuedOn: '2022-04-01', expiresOn: '2026-03-31', replacedOn: TODAY }],
    })
    // A retry of the same renewal changes nothing.
    const retry = await call('POST', `/licences/${view.id}/renewed`, repToken, renewed)
    expect(retry.json().history).toHaveLength(1)
    expect(await countRows(testDb.db, `licence_history where licence_id = '${view.id}'`)).toBe(1)
  })

  it('refuses a "renewal" that does not run past the current certificate', async () => {
    const view = await create(repOnly, input({ issuedOn: '2024-01-01', expiresOn: '2027-12-31' }))
    const before = await writes()
    const response = await call('POST', `/licences/${view.id}/renewed`, repToken, {
      number: 'NEW-1',
      issuedOn: '2026-03-01',
      expiresOn: '2027-06-30',
    })
    expectError(response, 400, 'VALIDATION_FAILED')
    expect(response.json().details).toEqual([{ field: 'expiresOn', message: expect.stringContaining('2027-12-31') }])
    expect(await writes()).toEqual(before)
  })

  it('deletes a licence: gone from the list and the detail, and its number free again', async () => {
    const body = input({ number: 'DEL-0001' })
    const view = await create(repOnly, body)
    const response = await call('DELETE', `/licences/${view.id}`, repToken)
    expect(response.statusCode).toBe(204)
    expectError(await call('GET', `/licences/${view.id}`, repToken), 404, 'LICENCE_NOT_FOUND')
    expectError(await call('DELETE', `/licences/${view.id}`, repToken), 404, 'LICENCE_NOT_FOUND')
    const list: LicenceListResponse = (await call('GET', `/enterprises/${repOnly}/licences`, repToken)).json()
    expect(list.items.some((item) => item.id === view.id)).toBe(false)
    expect((await create(repOnly, body)).id).not.toBe(view.id)
  })
})
