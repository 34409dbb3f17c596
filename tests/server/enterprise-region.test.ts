import type { EnterpriseProfile, EnterpriseSummary } from '../../src/contract/account/schemas'
import { bearer, createTestApp, DEMO, expectError, loginSandbox, type TestApp } from './helpers'

// 所在地区 on the enterprise profile: names from the GB/T 2260 table, corrected by the legal
// representative alone, with a code the table knows down to the district.

let t: TestApp
let repToken: string
let agentToken: string
/** An enterprise the legal representative and the agent share (the agent may read, not correct). */
let shared: string
let repOnly: string

const get = (url: string, token: string) => t.app.inject({ url, headers: bearer(token) })
const putRegion = (enterpriseId: string, token: string, payload: unknown) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/v1/enterprises/${enterpriseId}/region`,
    headers: bearer(token),
    payload: payload as object,
  })

beforeAll(async () => {
  t = await createTestApp()
  repToken = (await loginSandbox(t.app, DEMO.rep)).token
  agentToken = (await loginSandbox(t.app, DEMO.agent)).token
  const reps: EnterpriseSummary[] = (await get('/api/v1/enterprises', repToken)).json()
  const agents: EnterpriseSummary[] = (await get('/api/v1/enterprises', agentToken)).json()
  shared = reps.find((r) => agents.some((a) => a.id === r.id))!.id
  repOnly = reps.find((r) => r.id !== shared)!.id
  const { rows } = await t.db.query<{ id: string; region: string }>(
    'select id, region from enterprises where id = any($1::uuid[])',
    [[shared, repOnly]],
  )
  seededRegions = rows
})

/** The regions as seeded (names, not codes): every test starts from them, whichever corrected one before. */
let seededRegions: { id: string; region: string }[] = []
beforeEach(async () => {
  for (const { id, region } of seededRegions) {
    await t.db.query('update enterprises set region = $2 where id = $1', [id, region])
  }
})
afterAll(() => t.close())

const profileOf = async (id: string, token = repToken): Promise<EnterpriseProfile> =>
  (await get(`/api/v1/enterprises/${id}`, token)).json()

test('the profile names the region province, city, district, also for a record that stored the name', async () => {
  const profiles = [await profileOf(shared), await profileOf(repOnly)]
  for (const profile of profiles) {
    expect(profile.regionPath.map((entry) => entry.name).join('')).toBe(profile.region)
    expect(profile.regionPath).toHaveLength(3)
    expect(profile.regionPath[2].code).toMatch(/^\d{6}$/)
  }
})

test('the legal representative corrects the region with a district code; the profile then names it', async () => {
  const response = await putRegion(repOnly, repToken, { regionCode: '411003' })
  expect(response.statusCode).toBe(200)
  expect(response.json().regionPath).toEqual([
    { code: '410000', name: '河南省' },
    { code: '411000', name: '许昌市' },
    { code: '411003', name: '建安区' },
  ])
  const again = await profileOf(repOnly)
  expect(again.region).toBe('411003')
  expect(again.regionPath.map((entry) => entry.name)).toEqual(['河南省', '许昌市', '建安区'])
})

test('twelve identical corrections at once end in that one region', async () => {
  const answers = await Promise.all(
    Array.from({ length: 12 }, () => putRegion(repOnly, repToken, { regionCode: '411002' })),
  )
  expect(answers.map((a) => a.statusCode)).toEqual(Array(12).fill(200))
  expect((await profileOf(repOnly)).region).toBe('411002')
})

test('an agent of the enterprise may read the region but not correct it', async () => {
  const before = (await profileOf(shared, agentToken)).region
  const response = await putRegion(shared, agentToken, { regionCode: '411003' })
  expectError(response, 403, 'ENTERPRISE_FORBIDDEN')
  expect(response.json().message).toMatch(/修改企业档案/)
  expect((await profileOf(shared, agentToken)).region).toBe(before)
})

test.each([
  ['a code the table does not know', { regionCode: '419999' }, /没有行政区划代码为 419999 的地区/],
  ['the whole country', { regionCode: '000000' }, /没有行政区划代码为 000000 的地区/],
  ['a province', { regionCode: '410000' }, /请选择到区县一级/],
  ['a city with districts', { regionCode: '411000' }, /请选择到区县一级/],
  ['not six digits', { regionCode: '4110' }, /./],
  ['a number, not text', { regionCode: 411002 }, /./],
  ['no code', {}, /./],
  ['an extra field', { regionCode: '411002', name: '魏都区' }, /./],
])('%s is 400 VALIDATION_FAILED, in Chinese, and changes nothing', async (_name, payload, message) => {
  const before = (await profileOf(repOnly)).region
  const response = await putRegion(repOnly, repToken, payload)
  expectError(response, 400, 'VALIDATION_FAILED')
  expect(response.json().message).toMatch(message)
  expect(response.json().message).toMatch(/[\u4e00-\u9fa5]/)
  expect((await profileOf(repOnly)).region).toBe(before)
})
