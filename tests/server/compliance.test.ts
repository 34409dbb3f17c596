import type { FastifyInstance } from 'fastify'
import type { EnterpriseSummary } from '../../src/contract/account/schemas'
import type {
  AnnualReportFollowUpEntry,
  ComplianceSettingsView,
  PenaltyView,
  TimelineResponse,
} from '../../src/contract/compliance/schemas'
import { seedDemoData } from '../../server/seed/demo'
import { bearer, countRows, DEMO, expectError, loginSandbox, openTestDb, TEST_ADMIN_KEY, type TestDb } from './helpers'
import { appAt, makeUser } from './licences-kit'

const TODAY = '2026-03-10'

let testDb: TestDb
let app: FastifyInstance
let agentToken: string
let agentEnterprises: EnterpriseSummary[]

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token: string, payload?: unknown, headers = {}) =>
  app.inject({ method, url: `/api/v1${url}`, headers: { ...bearer(token), ...headers }, payload: payload as object })

async function timeline(query: string, token = agentToken): Promise<TimelineResponse> {
  const response = await call('GET', `/me/compliance/timeline${query}`, token)
  expect(response.statusCode).toBe(200)
  return response.json()
}

const GENERAL_TAX = { vatPayer: 'general', hasEmployees: true, corporateIncomeTax: true }

beforeAll(async () => {
  testDb = await openTestDb({ seed: false })
  await seedDemoData(testDb.db, TODAY)
  app = await appAt(testDb.db, TODAY)
  agentToken = (await loginSandbox(app, DEMO.agent)).token
  agentEnterprises = (await call('GET', '/enterprises', agentToken)).json()
  // Seeding and the first plans take seconds on the shared machine.
}, 120_000)
afterAll(async () => {
  await app.close()
  await testDb.close()
})

describe('the cross-enterprise timeline', () => {
  it('lists every enterprise the agent acts for, with counts, most urgent first', async () => {
    expect(agentEnterprises).toHaveLength(5)
    const body = await timeline('?from=2026-03-10&to=2026-07-31')
    expect(body.enterprises.map((e) => e.enterpriseId).sort()).toEqual(agentEnterprises.map((e) => e.id).sort())
    // Every demo enterprise was founded before 2025: each owes its 2025 年报 by 2026-06-30.
    const reports = body.items.filter((i) => i.kind === 'annual-report')
    expect(reports).toHaveLength(5)
    expect(reports.every((i) => i.key === 'annual-report:2025' && i.dueDate === '2026-06-30')).toBe(true)
    expect(reports[0].reminders).toEqual(['2026-01-04', '2026-06-01', '2026-06-18', '2026-06-29'])
    const dates = body.items.map((i) => i.date)
    expect(dates).toEqual([...dates].sort())
    for (const count of body.enterprises) {
      expect(count.count).toBe(body.items.filter((i) => i.enterpriseId === count.enterpriseId).length)
    }
  })

  it('filters by kind and by enterprise; a range beyond 400 days or backwards is a 400', async () => {
    const one = agentEnterprises[0].id
    const body = await timeline(`?from=2026-01-01&to=2026-12-31&kinds=annual-report&enterpriseId=${one}`)
    expect(body.items.map((i) => [i.kind, i.enterpriseId])).toEqual([['annual-report', one]])
    expectError(
      await call('GET', '/me/compliance/timeline?from=2026-01-01&to=2027-03-01', agentToken),
      400,
      'VALIDATION_FAILED',
    )
    expectError(
      await call('GET', '/me/compliance/timeline?from=2026-03-01&to=2026-02-01', agentToken),
      400,
      'VALIDATION_FAILED',
    )
    expectError(
      await call('GET', '/me/compliance/timeline?kinds=annual-report,parking', agentToken),
      400,
      'VALIDATION_FAILED',
    )
  })

  it('shows nothing of an enterprise the caller is not linked to, and a handler without a grant sees none', async () => {
    const handlerToken = (await loginSandbox(app, DEMO.handler)).token
    expect((await timeline('', handlerToken)).enterprises).toEqual([])
    const one = agentEnterprises[0].id
    expectError(
      await call('GET', `/me/compliance/timeline?enterpriseId=${one}`, handlerToken),
      403,
      'ENTERPRISE_FORBIDDEN',
    )
    expectError(await call('GET', `/enterprises/${one}/compliance/timeline`, handlerToken), 403, 'ENTERPRISE_FORBIDDEN')
    const staffId = await makeUser(testDb.db, { phone: '13900000077', links: [{ enterpriseId: one, role: 'staff' }] })
    expect(staffId).toBeTruthy()
    const staffToken = (await loginSandbox(app, '13900000077')).token
    expect((await timeline('', staffToken)).enterprises).toEqual([])
    expectError(
      await call('PUT', `/enterprises/${one}/compliance/settings`, staffToken, {
        entityType: 'enterprise',
        tax: GENERAL_TAX,
      }),
      403,
      'ENTERPRISE_FORBIDDEN',
    )
  })
})

describe('tax settings', () => {
  it('are checked by the domain at the door (400 with a Chinese message) and plan the returns', async () => {
    const id = agentEnterprises[1].id
    const bad = await call('PUT', `/enterprises/${id}/compliance/settings`, agentToken, {
      entityType: 'enterprise',
      tax: { vatPayer: 'big', hasEmployees: 'yes', corporateIncomeTax: true },
    })
    expectError(bad, 400, 'VALIDATION_FAILED')
    expect(bad.json().message).toContain('增值税纳税人类型')
    expect(bad.json().message).toContain('是否有雇员')

    const saved = await call('PUT', `/enterprises/${id}/compliance/settings`, agentToken, {
      entityType: 'enterprise',
      tax: GENERAL_TAX,
    })
    expect(saved.statusCode).toBe(200)
    expect((saved.json() as ComplianceSettingsView).tax).toEqual(GENERAL_TAX)

    const body = await timeline(`?from=2026-03-10&to=2026-04-30&kinds=tax-filing&enterpriseId=${id}`)
    // The published 2026 table: March 16, April 20.
    expect([...new Set(body.items.map((i) => i.dueDate))]).toEqual(['2026-03-16', '2026-04-20'])
    const march = body.items.find((i) => i.dueDate === '2026-03-16')!
    // The filing deadline is a calendar day (already moved off days off): 10 → 16 March is 6 days.
    expect(march.countsWorkingDays).toBe(false)
    expect(march.daysRemaining).toBe(6)
    expect(march.source).toEqual({ type: 'detail' })
  })
})

describe('penalty records', () => {
  it('give the earliest repair day and a 信用修复 item on it; idempotent with a key', async () => {
    const id = agentEnterprises[2].id
    const headers = { 'idempotency-key': 'penalty-once-1' }
    const payload = {
      decidedOn: '2026-01-31',
      field: 'general',
      simpleProcedure: false,
      decisionNumber: '许市监罚〔2026〕3号',
    }
    const [first, again] = [
      await call('POST', `/enterprises/${id}/compliance/penalties`, agentToken, payload, headers),
      await call('POST', `/enterprises/${id}/compliance/penalties`, agentToken, payload, headers),
    ]
    expect(first.statusCode).toBe(201)
    expect(again.json()).toEqual(first.json())
    const penalty: PenaltyView = first.json()
    expect(penalty.earliestApplyOn).toBe('2026-05-01')
    expect(penalty.minimumDisplayEndsOn).toBe('2026-04-30')
    expect(await countRows(testDb.db, 'compliance_penalties')).toBe(1)

    const body = await timeline(`?from=2026-03-10&to=2026-06-30&kinds=credit-repair&enterpriseId=${id}`)
    expect(body.items).toHaveLength(1)
    expect(body.items[0]).toMatchObject({
      kind: 'credit-repair',
      date: '2026-05-01',
      key: `credit-repair:${penalty.id}`,
    })

    const bad = await call('POST', `/enterprises/${id}/compliance/penalties`, agentToken, {
      decidedOn: '2026-02-30',
      field: 'x',
    })
    expectError(bad, 400, 'VALIDATION_FAILED')
    expect(bad.json().message).toContain('处罚决定日期')
    const future = await call('POST', `/enterprises/${id}/compliance/penalties`, agentToken, {
      ...payload,
      decidedOn: '2026-04-01',
    })
    expectError(future, 400, 'VALIDATION_FAILED')

    expect((await call('DELETE', `/enterprises/${id}/compliance/penalties/${penalty.id}`, agentToken)).statusCode).toBe(
      204,
    )
    expectError(
      await call('DELETE', `/enterprises/${id}/compliance/penalties/${penalty.id}`, agentToken),
      404,
      'PENALTY_NOT_FOUND',
    )
  })
})

describe('已办 and 稍后提醒', () => {
  it('年报 已办 is 已报送: it leaves the timeline, twelve at once leave one row, and 撤销 brings it back', async () => {
    const id = agentEnterprises[3].id
    const url = `/enterprises/${id}/compliance/items/${encodeURIComponent('annual-report:2025')}/state`
    const answers = await Promise.all(Array.from({ length: 12 }, () => call('PUT', url, agentToken, { state: 'done' })))
    expect(answers.map((a) => a.statusCode)).toEqual(Array(12).fill(204))
    const { rows } = await testDb.db.query('select * from annual_report_filings where enterprise_id = $1', [id])
    expect(rows).toHaveLength(1)
    const settings: ComplianceSettingsView = (
      await call('GET', `/enterprises/${id}/compliance/settings`, agentToken)
    ).json()
    expect(settings.annualReportsFiled).toEqual([2025])

    const after = await timeline(`?from=2026-03-10&to=2026-07-31&kinds=annual-report`)
    expect(after.items.map((i) => i.enterpriseId)).not.toContain(id)
    expect(after.items).toHaveLength(4)

    expect((await call('DELETE', url, agentToken)).statusCode).toBe(204)
    expect((await timeline(`?from=2026-03-10&to=2026-07-31&kinds=annual-report`)).items).toHaveLength(5)
  })

  it('稍后提醒 takes a day between tomorrow and the deadline; an unknown item is a 404', async () => {
    const id = agentEnterprises[3].id
    const url = `/enterprises/${id}/compliance/items/${encodeURIComponent('annual-report:2025')}/state`
    expectError(await call('PUT', url, agentToken, { state: 'snoozed' }), 400, 'VALIDATION_FAILED')
    expectError(await call('PUT', url, agentToken, { state: 'snoozed', until: '2026-03-10' }), 400, 'VALIDATION_FAILED')
    expectError(await call('PUT', url, agentToken, { state: 'snoozed', until: '2026-07-01' }), 400, 'VALIDATION_FAILED')
    expect((await call('PUT', url, agentToken, { state: 'snoozed', until: '2026-05-20' })).statusCode).toBe(204)
    const item = (await timeline(`?from=2026-06-30&to=2026-06-30&kinds=annual-report&enterpriseId=${id}`)).items[0]
    expect(item).toMatchObject({ state: 'snoozed', snoozedUntil: '2026-05-20' })
    expect((await call('DELETE', url, agentToken)).statusCode).toBe(204)
    expectError(
      await call(
        'PUT',
        `/enterprises/${id}/compliance/items/${encodeURIComponent('annual-report:1999')}/state`,
        agentToken,
        {
          state: 'done',
        },
      ),
      404,
      'COMPLIANCE_ITEM_NOT_FOUND',
    )
  })

  it('in December, next June’s 年报 can be marked 已报送 already (found by the e2e: the item was looked for ±200 days)', async () => {
    const december = await appAt(testDb.db, '2026-12-05')
    try {
      const id = agentEnterprises[4].id
      const url = `/api/v1/enterprises/${id}/compliance/items/${encodeURIComponent('annual-report:2026')}/state`
      const marked = await december.inject({
        method: 'PUT',
        url,
        headers: bearer(agentToken),
        payload: { state: 'done' },
      })
      expect(marked.statusCode).toBe(204)
      expect((await december.inject({ method: 'DELETE', url, headers: bearer(agentToken) })).statusCode).toBe(204)
    } finally {
      await december.close()
    }
  })

  it('年报 reminder days are the user’s own once set, checked by the domain', async () => {
    const id = agentEnterprises[4].id
    const url = `/enterprises/${id}/compliance/annual-report-reminders/2026`
    expect((await call('GET', url, agentToken)).json()).toEqual({
      windowYear: 2026,
      days: ['2026-01-04', '2026-06-01', '2026-06-18', '2026-06-29'],
      custom: false,
    })
    const bad = await call('PUT', url, agentToken, { days: ['2026-07-01'] })
    expectError(bad, 400, 'VALIDATION_FAILED')
    expect(bad.json().message).toContain('2026-01-01 至 2026-06-30')
    expect((await call('PUT', url, agentToken, { days: ['2026-06-25', '2026-05-05'] })).json()).toMatchObject({
      days: ['2026-05-05', '2026-06-25'],
      custom: true,
    })
    const item = (await timeline(`?from=2026-06-30&to=2026-06-30&kinds=annual-report&enterpriseId=${id}`)).items[0]
    expect(item.reminders).toEqual(['2026-05-05', '2026-06-25'])
    expect((await call('DELETE', url, agentToken)).json()).toMatchObject({ custom: false })
  })
})

describe('the staff 年报 follow-up list', () => {
  it('from 20 June lists the enterprises that have not marked 已报送, as JSON and CSV', async () => {
    const staffApp = await appAt(testDb.db, '2026-06-20')
    try {
      const adminHeaders = bearer(TEST_ADMIN_KEY)
      const before = await staffApp.inject({
        method: 'GET',
        url: '/api/v1/admin/compliance/annual-report-follow-up?date=2026-06-19',
        headers: adminHeaders,
      })
      expect(before.json()).toEqual([])
      const id = agentEnterprises[0].id
      await call('PUT', `/enterprises/${id}/compliance/annual-reports/2025/filed`, agentToken)
      const list = await staffApp.inject({
        method: 'GET',
        url: '/api/v1/admin/compliance/annual-report-follow-up',
        headers: adminHeaders,
      })
      const entries: AnnualReportFollowUpEntry[] = list.json()
      const { rows } = await testDb.db.query<{ n: number }>('select count(*)::int as n from enterprises')
      expect(entries).toHaveLength(Number(rows[0].n) - 1)
      expect(entries.map((e) => e.enterpriseId)).not.toContain(id)
      expect(entries.every((e) => e.reportYear === 2025)).toBe(true)
      expect(entries.some((e) => e.contactPhoneMasked === '138****0002')).toBe(true)

      const csv = await staffApp.inject({
        method: 'GET',
        url: '/api/v1/admin/compliance/annual-report-follow-up?format=csv',
        headers: adminHeaders,
      })
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
      expect(csv.body.startsWith('\uFEFF企业名称,统一社会信用代码,年报年度,联系电话\r\n')).toBe(true)
      expect(csv.body.trimEnd().split('\r\n')).toHaveLength(entries.length + 1)
      await call('DELETE', `/enterprises/${id}/compliance/annual-reports/2025/filed`, agentToken)
    } finally {
      await staffApp.close()
    }
  })
})
