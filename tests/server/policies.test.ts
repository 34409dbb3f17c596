import type { FastifyInstance } from 'fastify'
import type {
  EnterprisePolicyMatches,
  PolicyCalculatorResponse,
  PolicyPublishReport,
  PolicyPage,
  PolicyView,
  RegionLevelView,
} from '../../src/contract/policies/schemas'
import type { InboxPage } from '../../src/contract/account/schemas'
import type { Policy } from '../../src/domain/policies/policy'
import type { EnterpriseProfile } from '../../src/domain/policies/profile'
import { DEMO_POLICIES } from '../../server/capabilities/policies/seed/demo-policies'
import { TEST_ADMIN_KEY, bearer, countRows, expectError, loginSandbox, openTestDb, type TestDb } from './helpers'
import { appAt, makeEnterprise, makeUser } from './licences-kit'

let testDb: TestDb
let app: FastifyInstance

const admin = { authorization: `Bearer ${TEST_ADMIN_KEY}` }
const TODAY = '2026-03-10'

/** 乌鲁木齐: no demo enterprise is registered there, so only this suite's enterprises can match. */
function testPolicy(id: string, overrides: Partial<Policy> = {}): Policy {
  return {
    id,
    title: `测试政策 ${id}`,
    issuer: '乌鲁木齐市工业和信息化局',
    level: 'city',
    region: '乌鲁木齐市',
    summary: '测试用政策',
    benefit: { type: 'subsidy', amountWan: 10, text: '最高补贴10万元' },
    applicationWindow: {},
    howToApply: '在线申报',
    materials: ['营业执照'],
    autoGrant: false,
    eligibility: {
      all: [
        { id: 'region', kind: 'region', areas: [{ code: '650100', name: '乌鲁木齐市' }] },
        { id: 'employees', kind: 'employees', min: 50 },
      ],
    },
    ...overrides,
  }
}

const adminPost = (url: string, payload?: object) =>
  app.inject({ method: 'POST', url: `/api/v1/admin${url}`, headers: admin, ...(payload ? { payload } : {}) })

async function createAndPublish(policy: Policy): Promise<PolicyPublishReport> {
  const created = await adminPost('/policies', policy)
  expect(created.statusCode).toBe(201)
  const published = await adminPost(`/policies/${policy.id}/publish`)
  expect(published.statusCode).toBe(200)
  return published.json<PolicyPublishReport>()
}

async function enterpriseWithFacts(profile: EnterpriseProfile) {
  const enterprise = await makeEnterprise(testDb.db)
  await testDb.db.query('insert into enterprise_policy_facts (enterprise_id, profile) values ($1, $2::jsonb)', [
    enterprise.id,
    JSON.stringify(profile),
  ])
  return enterprise
}

async function policyMessages(policyId: string): Promise<{ user_id: string; enterprise_id: string; title: string }[]> {
  const { rows } = await testDb.db.query<{ user_id: string; enterprise_id: string; title: string }>(
    `select user_id, enterprise_id, title from inbox_messages where kind = 'policy' and policy_id = $1 order by user_id`,
    [policyId],
  )
  return rows
}

let phoneSerial = 0
const nextPhone = () => `1370000${String(++phoneSerial).padStart(4, '0')}`

beforeAll(async () => {
  testDb = await openTestDb()
  app = await appAt(testDb.db, TODAY)
})

afterAll(async () => {
  await app.close()
  await testDb.close()
})

describe('admin', () => {
  it('rejects malformed conditions with 400 and the problems, saving nothing', async () => {
    const before = await countRows(testDb.db, 'policies')
    const bad = testPolicy('bad-1', {
      eligibility: { all: [{ id: 'x', kind: 'employees', min: 'many' } as never] },
    })
    const response = await adminPost('/policies', bad)
    expectError(response, 400, 'VALIDATION_FAILED')
    const details = response.json().details as { field: string; message: string }[]
    expect(details.length).toBeGreaterThan(0)
    expect(details.every((d) => d.field.startsWith('eligibility'))).toBe(true)
    expect(await countRows(testDb.db, 'policies')).toBe(before)
    expectError(await adminPost('/policies', { title: '缺字段' }), 400, 'VALIDATION_FAILED')
    expect(await countRows(testDb.db, 'policies')).toBe(before)
  })

  it('needs the admin key', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/admin/policies', payload: testPolicy('k') })
    expect(response.statusCode).toBe(401)
  })

  it('creates drafts (hidden from the public), updates and refuses duplicates', async () => {
    const policy = testPolicy('draft-1')
    expect((await adminPost('/policies', policy)).json<PolicyView>().status).toBe('draft')
    expectError(await adminPost('/policies', policy), 409, 'POLICY_DUPLICATE')
    expectError(await app.inject({ url: '/api/v1/policies/draft-1' }), 404, 'POLICY_NOT_FOUND')
    const updated = await app.inject({
      method: 'PUT',
      url: '/api/v1/admin/policies/draft-1',
      headers: admin,
      payload: { ...policy, title: '改过的标题' },
    })
    expect(updated.json<PolicyView>().policy.title).toBe('改过的标题')
    const mismatched = await app.inject({
      method: 'PUT',
      url: '/api/v1/admin/policies/draft-1',
      headers: admin,
      payload: testPolicy('other-id'),
    })
    expectError(mismatched, 400, 'VALIDATION_FAILED')
    expectError(await adminPost('/policies/nope/publish'), 404, 'POLICY_NOT_FOUND')
    const all = (await app.inject({ url: '/api/v1/admin/policies', headers: admin })).json<PolicyView[]>()
    expect(all.find((view) => view.policy.id === 'draft-1')?.status).toBe('draft')
  })
})

describe('push on publish', () => {
  it('messages linked users of matching enterprises once, however often it is published', async () => {
    // At least 5000 people: no enterprise another test of this suite makes can match (any order).
    const large = testPolicy('push-1', {
      eligibility: {
        all: [
          { id: 'region', kind: 'region', areas: [{ code: '650100', name: '乌鲁木齐市' }] },
          { id: 'employees', kind: 'employees', min: 5000 },
        ],
      },
    })
    const matching = await enterpriseWithFacts({ regionCode: '650102', employees: 8000 })
    const other = await enterpriseWithFacts({ regionCode: '650102', employees: 5 })
    const elsewhere = await enterpriseWithFacts({ regionCode: '411002', employees: 8000 })
    const rep = await makeUser(testDb.db, { links: [{ enterpriseId: matching.id }] })
    const agent = await makeUser(testDb.db, { links: [{ enterpriseId: matching.id, role: 'agent' }] })
    // A 经办人 may not see the profile facts a match is read from: told nothing.
    const handler = await makeUser(testDb.db, { links: [{ enterpriseId: matching.id, role: 'handler' }] })
    const outsider = await makeUser(testDb.db, {
      links: [{ enterpriseId: other.id }, { enterpriseId: elsewhere.id, role: 'agent' }],
    })

    const first = await createAndPublish(large)
    expect(first.delivered).toBe(2)
    expect(first.policy.status).toBe('published')
    const again = await adminPost('/policies/push-1/publish')
    expect(again.json<PolicyPublishReport>().delivered).toBe(0)

    const messages = await policyMessages('push-1')
    expect(messages.map((m) => m.user_id).sort()).toEqual([rep, agent].sort())
    expect(messages.every((m) => m.enterprise_id === matching.id && m.title.startsWith('新政策'))).toBe(true)
    expect(messages.some((m) => m.user_id === outsider || m.user_id === handler)).toBe(false)
    const { rows } = await testDb.db.query<{ n: number }>(
      `select count(*)::int as n from policy_outbox where policy_id = 'push-1'`,
    )
    expect(rows[0].n).toBe(2)
  })

  it('shows the message in the inbox with a link to the policy', async () => {
    const phone = nextPhone()
    const enterprise = await enterpriseWithFacts({ regionCode: '650100', employees: 60 })
    await makeUser(testDb.db, { phone, links: [{ enterpriseId: enterprise.id }] })
    await createAndPublish(testPolicy('push-inbox'))
    const { token } = await loginSandbox(app, phone)
    const page = (await app.inject({ url: '/api/v1/inbox', headers: bearer(token) })).json<InboxPage>()
    const message = page.items.find((item) => item.kind === 'policy')
    expect(message?.link).toEqual({ kind: 'policy', policyId: 'push-inbox' })
  })

  it('skips users who chose the weekly digest', async () => {
    const phone = nextPhone()
    const enterprise = await enterpriseWithFacts({ regionCode: '650100', employees: 70 })
    const weekly = await makeUser(testDb.db, { phone, links: [{ enterpriseId: enterprise.id }] })
    const { token } = await loginSandbox(app, phone)
    const set = await app.inject({
      method: 'PUT',
      url: '/api/v1/me/policy-push',
      headers: bearer(token),
      payload: { frequency: 'weekly' },
    })
    expect(set.json()).toEqual({ frequency: 'weekly' })
    await createAndPublish(testPolicy('push-weekly'))
    expect((await policyMessages('push-weekly')).some((m) => m.user_id === weekly)).toBe(false)

    // The digest brings it, once.
    const digest = await adminPost('/policies/weekly-digest')
    expect(digest.statusCode).toBe(200)
    expect(digest.json()).toMatchObject({ users: 1 })
    const { rows } = await testDb.db.query<{ title: string; body: string }>(
      `select title, body from inbox_messages where user_id = $1 and kind = 'policy'`,
      [weekly],
    )
    expect(rows).toHaveLength(1)
    expect(rows[0].title).toMatch(/^本周新政策/)
    expect(rows[0].body).toContain('测试政策 push-weekly')
    expect((await adminPost('/policies/weekly-digest')).json()).toMatchObject({ users: 0, deliveries: 0 })
  })

  it('withdrawal hides the policy and stops any further sends', async () => {
    const enterprise = await enterpriseWithFacts({ regionCode: '650100', employees: 90 })
    await makeUser(testDb.db, { links: [{ enterpriseId: enterprise.id }] })
    await createAndPublish(testPolicy('push-withdraw'))
    const sent = (await policyMessages('push-withdraw')).length
    expect(sent).toBeGreaterThan(0)

    expect((await adminPost('/policies/push-withdraw/withdraw')).json<PolicyView>().status).toBe('withdrawn')
    const list = (await app.inject({ url: '/api/v1/policies?limit=50' })).json<PolicyPage>().items
    expect(list.some((view) => view.policy.id === 'push-withdraw')).toBe(false)
    expectError(await app.inject({ url: '/api/v1/policies/push-withdraw' }), 404, 'POLICY_NOT_FOUND')

    // A new enterprise that would match: republishing is refused and nobody else is told.
    const late = await enterpriseWithFacts({ regionCode: '650100', employees: 90 })
    await makeUser(testDb.db, { links: [{ enterpriseId: late.id }] })
    expectError(await adminPost('/policies/push-withdraw/publish'), 409, 'POLICY_WITHDRAWN')
    expect((await policyMessages('push-withdraw')).length).toBe(sent)
  })

  it('pushes 差一点 enterprises only when POLICY_PUSH_NEAR is on', async () => {
    // 30 people against 不少于 50 is within reach (a fix); 10 would be out of reach (不符合).
    const near = await enterpriseWithFacts({ regionCode: '650100', employees: 30 })
    const user = await makeUser(testDb.db, { links: [{ enterpriseId: near.id }] })
    await createAndPublish(testPolicy('push-near-off'))
    expect((await policyMessages('push-near-off')).some((m) => m.user_id === user)).toBe(false)

    const nearApp = await appAt(testDb.db, TODAY)
    nearApp.config.policies.pushNear = true
    try {
      const policy = testPolicy('push-near-on')
      await nearApp.inject({ method: 'POST', url: '/api/v1/admin/policies', headers: admin, payload: policy })
      await nearApp.inject({ method: 'POST', url: '/api/v1/admin/policies/push-near-on/publish', headers: admin })
    } finally {
      await nearApp.close()
    }
    expect((await policyMessages('push-near-on')).some((m) => m.user_id === user)).toBe(true)
  })
})

describe('public catalogue and calculator', () => {
  /** Every page of GET /api/v1/policies?… followed by its cursors. */
  async function allPages(query: string): Promise<PolicyView[]> {
    const found: PolicyView[] = []
    let cursor: string | null = null
    do {
      const url: string = `/api/v1/policies?${query}${cursor ? `&cursor=${cursor}` : ''}`
      const page: PolicyPage = (await app.inject({ url })).json<PolicyPage>()
      found.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    return found
  }

  it('lists published policies without login, with filters', async () => {
    const all = await allPages('limit=50')
    expect(all.length).toBeGreaterThanOrEqual(DEMO_POLICIES.length)
    expect(all.every((view) => view.status === 'published')).toBe(true)
    const national = await allPages('level=national')
    expect(national.length).toBeGreaterThan(0)
    expect(national.every((view) => view.policy.level === 'national')).toBe(true)
    const auto = await allPages('autoGrant=true')
    expect(auto.every((view) => view.policy.autoGrant && view.autoGrantLabel === '免申即享')).toBe(true)
    const tax = await allPages('benefitType=tax&q=增值税')
    expect(tax.length).toBeGreaterThan(0)
    expect(tax.every((view) => view.policy.benefit.type === 'tax')).toBe(true)
    const open = await allPages('openNow=true')
    expect(open.every((view) => view.openNow && view.window === 'open')).toBe(true)
    expectError(await app.inject({ url: '/api/v1/policies?level=galactic' }), 400, 'VALIDATION_FAILED')
  })

  it('pages the catalogue in a stable order: each policy once, 20 by default', async () => {
    const first = (await app.inject({ url: '/api/v1/policies' })).json<PolicyPage>()
    expect(first.items).toHaveLength(20)
    expect(first.total).toBeGreaterThanOrEqual(DEMO_POLICIES.length)
    expect(first.nextCursor).toEqual(expect.any(String))
    const paged = await allPages('limit=7')
    const ids = paged.map((view) => view.policy.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual((await allPages('limit=50')).map((view) => view.policy.id))
    expect(ids.slice(0, 20)).toEqual(first.items.map((view) => view.policy.id))
    for (const bad of ['limit=0', 'limit=51', 'limit=abc', 'cursor=not-a-cursor', 'cursor=WyJ4Il0'])
      expectError(await app.inject({ url: `/api/v1/policies?${bad}` }), 400, 'VALIDATION_FAILED')
  })

  it('filters to the policies that can apply to a region: national, province, city, district', async () => {
    // A 许昌 魏都区 firm sees no 衢州 or 浙江 policy, and every national, 河南 and 许昌 one.
    const weidu = await allPages('region=411002&limit=50')
    const codes = new Set(weidu.map((view) => view.regionCode))
    expect([...codes].sort()).toEqual(['000000', '410000', '411000', '411002'])
    expect(weidu.some((view) => view.policy.region.includes('衢州'))).toBe(false)
    const demoForWeidu = DEMO_POLICIES.filter((p) =>
      ['000000', '410000', '411000', '411002'].includes(p.regionCode ?? ''),
    )
    expect(
      weidu.filter((view) => view.policy.id in Object.fromEntries(demoForWeidu.map((p) => [p.id, 1]))),
    ).toHaveLength(demoForWeidu.length)
    // 禹州 sees its own district's policy; 魏都区 does not.
    expect((await allPages('region=411081&limit=50')).some((view) => view.policy.id === 'yz-ceramics-brand')).toBe(true)
    expect(weidu.some((view) => view.policy.id === 'yz-ceramics-brand')).toBe(false)
    const kecheng = await allPages('region=330802&limit=50')
    expect(kecheng.some((view) => view.regionCode === '411000')).toBe(false)
    expect(kecheng.some((view) => view.regionCode === '330800')).toBe(true)
    expectError(await app.inject({ url: '/api/v1/policies?region=999999' }), 400, 'VALIDATION_FAILED')
    expectError(await app.inject({ url: '/api/v1/policies?region=4110' }), 400, 'VALIDATION_FAILED')
  })

  it('admin policies carry a real region code: national 000000, others a code in the table', async () => {
    for (const [regionCode, path] of [
      ['4110', 'regionCode'],
      ['999999', 'regionCode'],
    ] as const) {
      const response = await adminPost('/policies', testPolicy(`bad-region-${regionCode}`, { regionCode }))
      expectError(response, 400, 'VALIDATION_FAILED')
      expect(response.json().details).toEqual([expect.objectContaining({ field: path })])
    }
    const national = testPolicy('bad-national', { level: 'national', regionCode: '650100' })
    expectError(await adminPost('/policies', national), 400, 'VALIDATION_FAILED')
    expect((await adminPost('/policies', testPolicy('ok-region', { regionCode: '650100' }))).statusCode).toBe(201)
  })

  it('names regions one level at a time for the picker', async () => {
    const provinces = (await app.inject({ url: '/api/v1/regions' })).json<RegionLevelView>()
    expect(provinces.path).toEqual([])
    expect(provinces.children).toContainEqual({ code: '410000', name: '河南省' })
    const xuchang = (await app.inject({ url: '/api/v1/regions?code=411000' })).json<RegionLevelView>()
    expect(xuchang.path.map((r) => r.name)).toEqual(['河南省', '许昌市'])
    expect(xuchang.children).toContainEqual({ code: '411002', name: '魏都区' })
    const weidu = (await app.inject({ url: '/api/v1/regions?code=411002' })).json<RegionLevelView>()
    expect(weidu).toEqual({
      path: [
        { code: '410000', name: '河南省' },
        { code: '411000', name: '许昌市' },
        { code: '411002', name: '魏都区' },
      ],
      children: [],
    })
    expectError(await app.inject({ url: '/api/v1/regions?code=999999' }), 400, 'VALIDATION_FAILED')
    expectError(await app.inject({ url: '/api/v1/regions?code=abc' }), 400, 'VALIDATION_FAILED')
  })

  it('explains every condition to an anonymous user, 可申报 before 差一点 before 不符合', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/policy-calculator',
      payload: { profile: { regionCode: '411002', industryCode: 'C1432', employees: 80 } },
    })
    expect(response.statusCode).toBe(200)
    const { results } = response.json<PolicyCalculatorResponse>()
    expect(results.length).toBeGreaterThan(0)
    const order = { eligible: 0, near: 1, ineligible: 2 }
    for (let i = 1; i < results.length; i++) {
      expect(order[results[i - 1].verdict]).toBeLessThanOrEqual(order[results[i].verdict])
    }
    for (const result of results) {
      expect(result.conditions.length).toBeGreaterThan(0)
      expect(result.conditions.every((c) => c.label && c.fact && c.outcome)).toBe(true)
    }
    expect(results.some((r) => r.missingFactLabels.length > 0)).toBe(true)
  })

  it('limits the calculator to policyIds and validates the profile', async () => {
    const ids = DEMO_POLICIES.slice(0, 2).map((policy) => policy.id)
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/policy-calculator',
      payload: { profile: {}, policyIds: ids },
    })
    expect(
      response
        .json<PolicyCalculatorResponse>()
        .results.map((r) => r.policyId)
        .sort(),
    ).toEqual([...ids].sort())
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/policy-calculator',
      payload: { profile: { employees: -3 } },
    })
    expectError(bad, 400, 'VALIDATION_FAILED')
  })
})

describe('enterprise matches, facts and favourites', () => {
  it('matches an enterprise on its saved facts, naming missing ones, and scopes to its users', async () => {
    // Its own policies: one published, one withdrawn (no other test needs to have run).
    await createAndPublish(testPolicy('match-eligible'))
    await createAndPublish(testPolicy('match-withdrawn'))
    expect((await adminPost('/policies/match-withdrawn/withdraw')).statusCode).toBe(200)
    const phone = nextPhone()
    const mine = await makeEnterprise(testDb.db)
    const theirs = await makeEnterprise(testDb.db)
    await makeUser(testDb.db, { phone, links: [{ enterpriseId: mine.id }] })
    const { token } = await loginSandbox(app, phone)
    const headers = bearer(token)

    expectError(
      await app.inject({ url: `/api/v1/enterprises/${theirs.id}/policy-matches`, headers }),
      403,
      'ENTERPRISE_FORBIDDEN',
    )
    expectError(
      await app.inject({
        method: 'PUT',
        url: `/api/v1/enterprises/${theirs.id}/profile-facts`,
        headers,
        payload: { profile: {} },
      }),
      403,
      'ENTERPRISE_FORBIDDEN',
    )
    expectError(await app.inject({ url: `/api/v1/enterprises/${mine.id}/policy-matches` }), 401, 'UNAUTHORIZED')

    const profile: EnterpriseProfile = { regionCode: '650100', employees: 120, industryCode: 'C3311' }
    const saved = await app.inject({
      method: 'PUT',
      url: `/api/v1/enterprises/${mine.id}/profile-facts`,
      headers,
      payload: { profile },
    })
    expect(saved.statusCode).toBe(200)
    const facts = await app.inject({ url: `/api/v1/enterprises/${mine.id}/profile-facts`, headers })
    expect(facts.json().profile).toEqual(profile)

    const matches = (
      await app.inject({ url: `/api/v1/enterprises/${mine.id}/policy-matches`, headers })
    ).json<EnterprisePolicyMatches>()
    expect(matches.eligible.some((m) => m.policyId === 'match-eligible')).toBe(true)
    expect(matches.eligible.every((m) => m.verdict === 'eligible')).toBe(true)
    expect(matches.near.every((m) => m.verdict === 'near')).toBe(true)
    expect(matches.near.some((m) => m.missingFactLabels.length > 0)).toBe(true)
    expect([...matches.eligible, ...matches.near].every((m) => ['免申即享', '需申报'].includes(m.autoGrantLabel))).toBe(
      true,
    )
    expect(matches.eligible.some((m) => m.policyId === 'match-withdrawn')).toBe(false)
  })

  it('saves favourites per user', async () => {
    const phone = nextPhone()
    await makeUser(testDb.db, { phone })
    const { token } = await loginSandbox(app, phone)
    const headers = bearer(token)
    const id = DEMO_POLICIES[0].id
    expect((await app.inject({ method: 'PUT', url: `/api/v1/me/policy-favourites/${id}`, headers })).statusCode).toBe(
      204,
    )
    const list = (await app.inject({ url: '/api/v1/me/policy-favourites', headers })).json<PolicyView[]>()
    expect(list.map((view) => view.policy.id)).toEqual([id])
    expect((await app.inject({ url: `/api/v1/policies/${id}`, headers })).json<PolicyView>().favourite).toBe(true)
    expect((await app.inject({ url: `/api/v1/policies/${id}` })).json<PolicyView>().favourite).toBe(false)
    expectError(
      await app.inject({ method: 'PUT', url: '/api/v1/me/policy-favourites/push-withdraw', headers }),
      404,
      'POLICY_NOT_FOUND',
    )
    await app.inject({ method: 'DELETE', url: `/api/v1/me/policy-favourites/${id}`, headers })
    expect((await app.inject({ url: '/api/v1/me/policy-favourites', headers })).json()).toEqual([])
  })

  it('seeds facts for the demo enterprises', async () => {
    expect(await countRows(testDb.db, 'enterprise_policy_facts')).toBeGreaterThanOrEqual(6)
  })
})
