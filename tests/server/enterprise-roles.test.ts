import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { buildApp } from '../../server/app'
import { chinaDateOf } from '../../src/domain/calendar/dates'
import {
  ENTERPRISE_ACTIONS,
  PERMISSIONS,
  roleMay,
  type EnterpriseAction,
  type EnterpriseRole,
} from '../../src/domain/access/permissions'
import { DEMO, expectError, openTestDb, testConfig, type TestDb } from './helpers'
import { makeEnterprise, makeLicence } from './licences-kit'
import { JIANFENG, ZHANG, acceptGrant, enterpriseIdByName, faceTicket, sandboxUser } from './seal-test-app'

/**
 * The permission table enforced: every registered route is either enterprise-scoped and declares
 * an action, or listed below as not enterprise-scoped; then every (person × enterprise route) pair
 * is called and must be refused exactly when the table says so.
 */

type Auth = { authorization: string }

let testDb: TestDb
let app: FastifyInstance
const registered: { method: string; url: string; action: EnterpriseAction | undefined }[] = []
let jianfeng: string
let contractSeal: string
const PIN = '135790'
const inDays = (days: number) => chinaDateOf(app.clock() + days * 86_400_000)

/** The people of the matrix; `linkedAs` is what user_enterprises says (null: no row). */
interface Person {
  label: string
  auth: Auth
  linkedAs: EnterpriseRole | null
  hasLiveGrant: boolean
}
const people: Record<string, Person> = {}

const call = (auth: Auth, method: string, url: string, payload?: unknown): Promise<LightMyRequestResponse> =>
  app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: auth, payload: payload as object })

async function grantByPhone(phone: string, sealIds: string[]): Promise<string> {
  const response = await call(people.rep.auth, 'POST', `/enterprises/${jianfeng}/seal-grants`, {
    grantee: { phone },
    sealIds,
    validUntil: inDays(30),
    pin: PIN,
  })
  if (response.statusCode !== 201) throw new Error(`grant failed: ${response.body}`)
  return response.json().id
}

beforeAll(async () => {
  testDb = await openTestDb()
  app = buildApp({ db: testDb.db, config: testConfig() })
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue
      registered.push({ method, url: route.url, action: route.config?.enterpriseAction })
    }
  })
  await app.ready()
  jianfeng = await enterpriseIdByName(testDb.db, JIANFENG)

  const rep = await sandboxUser(app, DEMO.rep)
  people.rep = { label: '法定代表人', auth: rep, linkedAs: 'legal_representative', hasLiveGrant: false }
  const claimed = await call(rep, 'POST', `/enterprises/${jianfeng}/seals/claim`, {
    ticket: await faceTicket(app, rep, 'claim-seal', ZHANG, { enterpriseId: jianfeng }),
    pin: PIN,
  })
  if (claimed.statusCode !== 201) throw new Error(`claim failed: ${claimed.body}`)
  contractSeal = claimed.json().seals.find((s: { type: string }) => s.type === 'contract').id

  people.agent = { label: '代办', auth: await sandboxUser(app, DEMO.agent), linkedAs: 'agent', hasLiveGrant: false }

  const handler = await sandboxUser(app, DEMO.handler)
  await acceptGrant(app, handler, await grantByPhone(DEMO.handler, [contractSeal]))
  people.handler = { label: '经办人（授权有效）', auth: handler, linkedAs: 'handler', hasLiveGrant: true }

  const revoked = await sandboxUser(app, '13900000011')
  const revokedGrant = await grantByPhone('13900000011', [contractSeal])
  await acceptGrant(app, revoked, revokedGrant)
  await call(rep, 'DELETE', `/enterprises/${jianfeng}/seal-grants/${revokedGrant}`)
  people.revoked = { label: '经办人（授权已撤销）', auth: revoked, linkedAs: null, hasLiveGrant: false }

  const expired = await sandboxUser(app, '13900000012')
  const expiredGrant = await grantByPhone('13900000012', [contractSeal])
  await acceptGrant(app, expired, expiredGrant)
  await testDb.db.query(`update seal_grants set valid_until = now() - interval '1 second' where id = $1`, [
    expiredGrant,
  ])
  people.expired = { label: '经办人（授权已过期）', auth: expired, linkedAs: 'handler', hasLiveGrant: false }

  const pending = await sandboxUser(app, '13900000013')
  await grantByPhone('13900000013', [contractSeal])
  people.pending = { label: '被授权但未确认的人', auth: pending, linkedAs: null, hasLiveGrant: false }

  people.stranger = {
    label: '未关联的用户',
    auth: await sandboxUser(app, '13900000014'),
    linkedAs: null,
    hasLiveGrant: false,
  }
})
afterAll(async () => {
  await app.close()
  await testDb.close()
})

/**
 * One call per enterprise route. Bodies only need to pass the JSON schema where the check runs in
 * the handler (routes reaching the enterprise through a licence); an `:enterpriseId` route is
 * checked before validation, so `{}` shows refusal (403) apart from permission (400 and the rest).
 */
interface RouteCase {
  method: string
  /** As registered, to match the route list. */
  route: string
  action: EnterpriseAction
  request: () => Promise<{ url: string; payload?: unknown }>
  /** How a person not linked at all is refused (licences read as nonexistent). */
  unlinked?: { status: number; code: string }
}

const freshLicence = async () => makeLicence(testDb.db, jianfeng, { expiresOn: '2030-06-30' })
const licenceCase = (method: string, suffix: string, action: EnterpriseAction, payload?: unknown): RouteCase => ({
  method,
  route: `/api/v1/licences/:licenceId${suffix}`,
  action,
  request: async () => ({ url: `/licences/${await freshLicence()}${suffix}`, payload }),
  unlinked: { status: 404, code: 'LICENCE_NOT_FOUND' },
})
/** `route` is the registered suffix; `path` the one called (defaults to the same). */
const enterpriseCase = (
  method: string,
  route: string,
  action: EnterpriseAction,
  payload?: unknown,
  path = route,
): RouteCase => ({
  method,
  route: `/api/v1/enterprises/:enterpriseId${route}`,
  action,
  request: async () => ({ url: `/enterprises/${jianfeng}${path}`, payload }),
})

const NOBODY = '00000000-0000-4000-8000-000000000000'
const licenceFacts = {
  typeCode: 'public-venue-hygiene',
  number: 'X-1',
  authority: '许昌市卫生健康委员会',
  issuedOn: '2024-01-01',
  expiresOn: '2030-06-30',
}

const CASES: RouteCase[] = [
  {
    method: 'POST',
    route: '/api/v1/me/calendar-feeds/:scope',
    action: 'licences:read',
    request: async () => ({ url: `/me/calendar-feeds/${jianfeng}` }),
  },
  enterpriseCase('GET', '', 'enterprise:read'),
  enterpriseCase('PUT', '/region', 'enterprise:write', {}),
  enterpriseCase('GET', '/licences', 'licences:read'),
  enterpriseCase('POST', '/licences', 'licences:write', {}),
  licenceCase('GET', '', 'licences:read'),
  licenceCase('PUT', '', 'licences:write', licenceFacts),
  licenceCase('DELETE', '', 'licences:write'),
  licenceCase('POST', '/renewal-started', 'licences:write'),
  licenceCase('DELETE', '/renewal-started', 'licences:write'),
  licenceCase('POST', '/renewed', 'licences:write', { number: 'X-2', issuedOn: '2025-01-01', expiresOn: '2031-01-01' }),
  enterpriseCase('GET', '/policy-matches', 'policies:match'),
  enterpriseCase('GET', '/profile-facts', 'profile:read'),
  enterpriseCase('PUT', '/profile-facts', 'profile:write', {}),
  // 合规日历: read with profile:read, written with profile:write (docs/domain-compliance.md).
  enterpriseCase('GET', '/compliance/timeline', 'profile:read'),
  enterpriseCase('GET', '/compliance/settings', 'profile:read'),
  enterpriseCase('PUT', '/compliance/settings', 'profile:write', {}),
  enterpriseCase('POST', '/compliance/penalties', 'profile:write', {}),
  enterpriseCase(
    'DELETE',
    '/compliance/penalties/:penaltyId',
    'profile:write',
    undefined,
    `/compliance/penalties/${NOBODY}`,
  ),
  enterpriseCase(
    'PUT',
    '/compliance/annual-reports/:reportYear/filed',
    'profile:write',
    undefined,
    '/compliance/annual-reports/2099/filed',
  ),
  enterpriseCase(
    'DELETE',
    '/compliance/annual-reports/:reportYear/filed',
    'profile:write',
    undefined,
    '/compliance/annual-reports/2099/filed',
  ),
  enterpriseCase(
    'GET',
    '/compliance/annual-report-reminders/:windowYear',
    'profile:read',
    undefined,
    '/compliance/annual-report-reminders/2026',
  ),
  enterpriseCase(
    'PUT',
    '/compliance/annual-report-reminders/:windowYear',
    'profile:write',
    {},
    '/compliance/annual-report-reminders/2026',
  ),
  enterpriseCase(
    'DELETE',
    '/compliance/annual-report-reminders/:windowYear',
    'profile:write',
    undefined,
    '/compliance/annual-report-reminders/2026',
  ),
  enterpriseCase(
    'PUT',
    '/compliance/items/:itemKey/state',
    'profile:write',
    {},
    '/compliance/items/annual-report%3A2025/state',
  ),
  enterpriseCase(
    'DELETE',
    '/compliance/items/:itemKey/state',
    'profile:write',
    undefined,
    '/compliance/items/annual-report%3A2025/state',
  ),
  enterpriseCase('GET', '/seals', 'seals:view'),
  enterpriseCase('POST', '/seals/claim', 'seals:claim', {}),
  enterpriseCase('GET', '/seal-grants', 'grants:manage'),
  enterpriseCase('POST', '/seal-grants', 'grants:manage', {}),
  enterpriseCase('DELETE', '/seal-grants/:grantId', 'grants:manage', undefined, `/seal-grants/${NOBODY}`),
  enterpriseCase('GET', '/seal-audit', 'audit:read'),
  enterpriseCase('GET', '/seal-reports', 'audit:read'),
  enterpriseCase('GET', '/seal-reports/:month', 'audit:read', undefined, '/seal-reports/2026-03'),
  enterpriseCase('GET', '/seals/:sealId/rules', 'grants:manage', undefined, `/seals/${NOBODY}/rules`),
  enterpriseCase('PUT', '/seals/:sealId/rules', 'grants:manage', {}, `/seals/${NOBODY}/rules`),
  enterpriseCase('POST', '/seals/:sealId/revoke', 'seals:revoke', { reason: '遗失' }, `/seals/${NOBODY}/revoke`),
  enterpriseCase('POST', '/seals/:sealId/replace', 'seals:revoke', { reason: '遗失' }, `/seals/${NOBODY}/replace`),
  enterpriseCase('GET', '/members', 'members:manage'),
  enterpriseCase('DELETE', '/members/:userId', 'members:manage', undefined, `/members/${NOBODY}`),
  {
    method: 'PUT',
    route: '/api/v1/me/current-enterprise',
    action: 'enterprise:read',
    request: async () => ({ url: '/me/current-enterprise', payload: { enterpriseId: jianfeng } }),
  },
  {
    method: 'POST',
    route: '/api/v1/face/sessions',
    action: 'enterprise:read',
    request: async () => ({
      url: '/face/sessions',
      payload: { purpose: 'claim-signature', ...ZHANG, platform: 'h5', enterpriseId: jianfeng },
    }),
  },
]

/** Face sessions naming the enterprise for a seal purpose need that purpose's right (same route). */
const FACE_PURPOSE_CASES: RouteCase[] = (
  [
    ['claim-seal', 'seals:claim'],
    ['grant', 'grants:manage'],
    ['seal-revoke', 'seals:revoke'],
  ] as const
).map(([purpose, action]) => ({
  method: 'POST',
  route: '/api/v1/face/sessions',
  action,
  request: async () => ({
    url: '/face/sessions',
    payload: { purpose, ...ZHANG, platform: 'h5', enterpriseId: jianfeng },
  }),
}))

/** Routes that act for no enterprise (the caller's own data, public data, systems, admin). */
const NOT_ENTERPRISE_SCOPED = new Set([
  'GET /api/v1/health',
  // The seal CA's public certificates and CRLs.
  'GET /api/v1/pki/ca',
  'GET /api/v1/pki/tsa',
  'GET /api/v1/pki/crl',
  'GET /api/v1/pki/crl/openssl',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'GET /api/v1/me',
  'PUT /api/v1/me/consent',
  // Lists only the enterprises the caller may act for.
  'GET /api/v1/enterprises',
  'POST /api/v1/admin/systems',
  'GET /api/v1/admin/systems',
  'DELETE /api/v1/admin/systems/:id',
  'PUT /api/v1/admin/systems/:id/callback-hosts',
  'GET /api/v1/system/whoami',
  'POST /api/v1/face/sessions/:sessionId/complete',
  // Links by the registry's legal representative matching the verified face: no right is used.
  'POST /api/v1/face/link-enterprises',
  // The grantee's side: they are not linked until they accept.
  'POST /api/v1/seal-grants/accept',
  'GET /api/v1/me/seal-grants',
  'POST /api/v1/seal-grants/:grantId/accept',
  'POST /api/v1/signatures/claim',
  'GET /api/v1/signatures/mine',
  // 注销 / 重新签发 one's own personal signature.
  'POST /api/v1/signatures/mine/revoke',
  'POST /api/v1/signatures/mine/replace',
  // Systems (their own key and scope) create and poll tasks.
  'POST /api/v1/sign-tasks',
  'GET /api/v1/sign-tasks/:taskId',
  'POST /api/v1/seal-verifications',
  'GET /api/v1/licence-types',
  'PUT /api/v1/admin/licence-types',
  'GET /api/v1/me/reminder-settings',
  'PUT /api/v1/me/reminder-settings',
  'GET /api/v1/me/subscriptions',
  'POST /api/v1/me/subscriptions',
  'GET /api/v1/inbox',
  'POST /api/v1/inbox/read-all',
  'POST /api/v1/inbox/:id/read',
  'POST /api/v1/admin/reminders/run',
  'GET /api/v1/admin/licences/follow-up',
  'POST /api/v1/admin/licences/import',
  'POST /api/v1/complaints/attachments',
  'POST /api/v1/complaints',
  'GET /api/v1/complaints',
  'GET /api/v1/complaints/:complaintId',
  'POST /api/v1/complaints/:complaintId/actions',
  'GET /api/v1/complaints/:complaintId/attachments/:attachmentId',
  'GET /api/v1/complaints/by-code/:code',
  'GET /api/v1/complaint-rules',
  'GET /api/v1/staff/complaints',
  'GET /api/v1/staff/complaints/:complaintId',
  'POST /api/v1/staff/complaints/:complaintId/actions',
  'GET /api/v1/staff/complaints/:complaintId/attachments/:attachmentId',
  'POST /api/v1/admin/complaints/supervise',
  'GET /api/v1/policies',
  'GET /api/v1/policies/:id',
  'POST /api/v1/policy-calculator',
  'GET /api/v1/regions',
  'GET /api/v1/me/policy-favourites',
  'PUT /api/v1/me/policy-favourites/:id',
  'DELETE /api/v1/me/policy-favourites/:id',
  'GET /api/v1/me/policy-push',
  'PUT /api/v1/me/policy-push',
  'GET /api/v1/admin/policies',
  'POST /api/v1/admin/policies',
  'PUT /api/v1/admin/policies/:id',
  'POST /api/v1/admin/policies/:id/publish',
  'POST /api/v1/admin/policies/:id/withdraw',
  'POST /api/v1/admin/policies/weekly-digest',
  'POST /api/v1/admin/sign-tasks/sweep',
  'GET /s/*',
  // The caller's own verified identity (masked); the document of a task the caller scanned; the
  // verification link's landing path (public, like 验章).
  'GET /api/v1/face/identity',
  'GET /api/v1/sign-tasks/:taskId/document',
  'GET /verify',
  // 验章 material by signature record id (a random uuid), open to anyone like 验章 itself.
  'GET /api/v1/signature-records/:recordId/ses-signature',
  'GET /api/v1/signature-records/:recordId/verification-qr',
  // 订阅到日历: one's own feeds (creating one for an enterprise is in the matrix), and the feed itself.
  'GET /api/v1/me/calendar-feeds',
  'DELETE /api/v1/me/calendar-feeds/:scope',
  'GET /calendar/feed/:file',
  // 合规日历: the caller's own enterprises (filtered by role inside), and staff's 年报 call list.
  'GET /api/v1/me/compliance/timeline',
  'GET /api/v1/admin/compliance/annual-report-follow-up',
  // 合规提醒 settings: the caller's own switches per kind (who is reminded of what follows profile:read in the job).
  'GET /api/v1/me/compliance-reminder-settings',
  'PUT /api/v1/me/compliance-reminder-settings',
])

/** Sign-task routes declare seal:sign; who may fill which slot is checked per task (tested by hand below). */
const SIGNING_ROUTES = new Set([
  'POST /api/v1/sign-tasks/scan',
  'POST /api/v1/sign-tasks/:taskId/confirm',
  'POST /api/v1/sign-tasks/:taskId/reject',
])

describe('every route is classified', () => {
  it('each enterprise route declares an action, and the matrix below calls every one of them', () => {
    const covered = new Set(CASES.map((c) => `${c.method} ${c.route}`))
    const unclassified: string[] = []
    for (const { method, url, action } of registered) {
      const key = `${method} ${url}`
      if (url.startsWith('/api/docs')) continue
      if (action) {
        if (!covered.has(key) && !SIGNING_ROUTES.has(key))
          unclassified.push(`${key} (declares ${action}, not in the matrix)`)
        const declared = CASES.find((c) => `${c.method} ${c.route}` === key)
        if (declared && key !== 'POST /api/v1/face/sessions')
          expect(`${key} ${action}`).toBe(`${key} ${declared.action}`)
      } else if (url.includes(':enterpriseId') || !NOT_ENTERPRISE_SCOPED.has(key)) {
        unclassified.push(`${key} (no config.enterpriseAction)`)
      }
    }
    expect(unclassified).toEqual([])
    for (const key of SIGNING_ROUTES) {
      expect(registered.find((r) => `${r.method} ${r.url}` === key)?.action).toBe('seal:sign')
    }
  })

  it('refuses to start with an :enterpriseId route that declares no action', async () => {
    const bad = buildApp({ db: testDb.db, config: testConfig() })
    bad.register(async (api) => {
      api.get('/enterprises/:enterpriseId/forgotten', async () => ({ everything: true }))
    })
    await expect(bad.ready()).rejects.toThrow(/no config.enterpriseAction/)
    await bad.close().catch(() => undefined)
  })
})

describe('role × route matrix', () => {
  const all = [...CASES, ...FACE_PURPOSE_CASES]
  const keys = ['rep', 'agent', 'handler', 'revoked', 'expired', 'pending', 'stranger']

  it(`answers each of ${keys.length} people × ${all.length} enterprise calls as the permission table says`, async () => {
    const answers: string[] = []
    const expected: string[] = []
    for (const key of keys) {
      const who = people[key]
      for (const c of all) {
        const { url, payload } = await c.request()
        const response = await call(who.auth, c.method, url, payload)
        const body = response.body ? response.json() : {}
        const label = `${who.label} ${c.method} ${c.route} [${c.action}]`
        const linked = who.linkedAs !== null && (who.linkedAs !== 'handler' || who.hasLiveGrant)
        let want: string
        if (!linked) {
          const refusal = c.unlinked ?? { status: 403, code: 'ENTERPRISE_FORBIDDEN' }
          want = `${refusal.status} ${refusal.code}`
        } else {
          want = roleMay(who.linkedAs!, c.action, who.hasLiveGrant) ? 'allowed' : '403 ENTERPRISE_FORBIDDEN'
        }
        const got =
          response.statusCode === 403 || (c.unlinked && response.statusCode === 404)
            ? `${response.statusCode} ${body.code}`
            : response.statusCode >= 500
              ? `5xx ${response.body}`
              : 'allowed'
        answers.push(`${label} → ${got}`)
        expected.push(`${label} → ${want}`)
      }
    }
    expect(answers).toEqual(expected)
    expect(answers).toHaveLength(keys.length * all.length)
  })
})

describe('key cases, by hand (not derived from the table)', () => {
  const get = (who: string, path: string) => call(people[who].auth, 'GET', `/enterprises/${jianfeng}${path}`)

  it('a handler with a live grant signs and sees the granted seal, but not licences, profile facts or grants', async () => {
    expectError(await get('handler', '/licences'), 403, 'ENTERPRISE_FORBIDDEN')
    expect((await get('handler', '/licences')).json().message).toBe('您在该企业的身份是经办人，无权查看企业证照')
    expectError(await get('handler', '/profile-facts'), 403, 'ENTERPRISE_FORBIDDEN')
    expectError(await get('handler', '/policy-matches'), 403, 'ENTERPRISE_FORBIDDEN')
    expectError(await get('handler', '/seal-grants'), 403, 'ENTERPRISE_FORBIDDEN')
    expectError(await get('handler', '/members'), 403, 'ENTERPRISE_FORBIDDEN')
    const seals = await get('handler', '/seals')
    expect(seals.json().seals.map((s: { id: string }) => s.id)).toEqual([contractSeal])
    const licence = await freshLicence()
    expectError(await call(people.handler.auth, 'GET', `/licences/${licence}`), 403, 'ENTERPRISE_FORBIDDEN')
  })

  it('an agent works the licences and profile but manages no seals, grants or members', async () => {
    expect((await get('agent', '/licences')).statusCode).toBe(200)
    expect((await get('agent', '/profile-facts')).statusCode).toBe(200)
    expect((await get('agent', '/seals')).json()).toMatchObject({ seals: [], canManage: false })
    expectError(await get('agent', '/seal-grants'), 403, 'ENTERPRISE_FORBIDDEN')
    expectError(await get('agent', '/seal-audit'), 403, 'ENTERPRISE_FORBIDDEN')
    expectError(await get('agent', '/members'), 403, 'ENTERPRISE_FORBIDDEN')
  })

  it('revoked, expired and never-accepted grantees get nothing, and do not see the enterprise in their list', async () => {
    for (const who of ['revoked', 'expired', 'pending']) {
      expectError(await get(who, '/seals'), 403, 'ENTERPRISE_FORBIDDEN')
      expectError(await get(who, ''), 403, 'ENTERPRISE_FORBIDDEN')
      expect((await call(people[who].auth, 'GET', '/enterprises')).json()).toEqual([])
    }
  })

  it('the table has an entry for every action and names only known roles', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...ENTERPRISE_ACTIONS].sort())
  })
})

describe('signing follows the live grant', () => {
  let system: Auth
  beforeAll(async () => {
    const { createSystem } = await import('../../server/kernel/repos/systems')
    const created = await createSystem(testDb.db, '建丰合同平台', ['sign-tasks'])
    system = { authorization: `Bearer ${created.apiKey}` }
  })

  async function contractTask(): Promise<string> {
    const { rows } = await testDb.db.query<{ uscc: string }>('select uscc from enterprises where id = $1', [jianfeng])
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/sign-tasks',
      headers: system,
      payload: {
        enterpriseUscc: rows[0].uscc,
        documentName: '采购合同',
        documentSm3: 'a'.repeat(64),
        signers: [{ sealType: 'contract' }],
      },
    })
    if (response.statusCode !== 201) throw new Error(`task failed: ${response.body}`)
    return response.json().ticket
  }
  const scan = async (who: string) =>
    call(people[who].auth, 'POST', '/sign-tasks/scan', { ticket: await contractTask() })

  it('lets the legal representative and the live handler scan; refuses everyone whose grant ended', async () => {
    expect((await scan('rep')).statusCode).toBe(200)
    expect((await scan('handler')).statusCode).toBe(200)
    expectError(await scan('agent'), 403, 'SIGN_NOT_AUTHORISED')
    for (const who of ['revoked', 'expired', 'pending', 'stranger']) {
      expectError(await scan(who), 403, 'SIGN_WRONG_ENTERPRISE')
    }
  })
})

describe('企业成员', () => {
  it('lists the people linked, masked, with their role and grants; only the legal representative', async () => {
    const response = await call(people.rep.auth, 'GET', `/enterprises/${jianfeng}/members`)
    expect(response.statusCode).toBe(200)
    const members = response.json() as {
      role: string
      phoneMasked: string
      isSelf: boolean
      active: boolean
      grants: unknown[]
    }[]
    expect(members.map((m) => [m.role, m.phoneMasked, m.isSelf, m.active])).toEqual([
      ['legal_representative', '138****0001', true, true],
      ['agent', '138****0002', false, true],
      ['handler', '138****0003', false, true],
      ['handler', '139****0012', false, false],
    ])
    expect(members[2].grants).toEqual([expect.objectContaining({ status: 'active' })])
    expect(JSON.stringify(members)).not.toMatch(/1[38]\d{9}/)
  })

  // The removal tests remove people of their own, so the shared people above keep their links
  // whichever test runs first (or alone).
  async function linkedAs(phone: string, role: EnterpriseRole, enterpriseId = jianfeng) {
    const auth = await sandboxUser(app, phone)
    const { rows } = await testDb.db.query<{ id: string }>('select id from users where phone = $1', [phone])
    await testDb.db.query('insert into user_enterprises (user_id, enterprise_id, role) values ($1, $2, $3)', [
      rows[0].id,
      enterpriseId,
      role,
    ])
    return { auth, id: rows[0].id }
  }

  it('removing a member revokes all their grants and ends their access at once; again is a no-op', async () => {
    const phone = '13900000021'
    const handler = await sandboxUser(app, phone)
    await acceptGrant(app, handler, await grantByPhone(phone, [contractSeal]))
    const extraGrant = await grantByPhone(phone, [contractSeal])
    const { rows } = await testDb.db.query<{ id: string }>('select id from users where phone = $1', [phone])
    const handlerId = rows[0].id
    await call(handler, 'PUT', '/me/current-enterprise', { enterpriseId: jianfeng })
    expect((await call(handler, 'GET', `/enterprises/${jianfeng}/seals`)).statusCode).toBe(200)
    const concurrent = await Promise.all(
      Array.from({ length: 6 }, () => call(people.rep.auth, 'DELETE', `/enterprises/${jianfeng}/members/${handlerId}`)),
    )
    expect(concurrent.map((r) => r.statusCode)).toEqual(Array(6).fill(204))
    const { rows: left } = await testDb.db.query<{ n: number }>(
      `select count(*)::int as n from seal_grants where grantee_user_id = $1 and enterprise_id = $2 and revoked_at is null`,
      [handlerId, jianfeng],
    )
    expect(left[0].n).toBe(0)
    const { rows: pendingRow } = await testDb.db.query<{ revoked_at: Date | null }>(
      'select revoked_at from seal_grants where id = $1',
      [extraGrant],
    )
    expect(pendingRow[0].revoked_at).not.toBeNull()
    expectError(await call(handler, 'GET', `/enterprises/${jianfeng}/seals`), 403, 'ENTERPRISE_FORBIDDEN')
    const me = await call(handler, 'GET', '/me')
    expect(me.json().currentEnterpriseId).toBeNull()
    expectError(await call(handler, 'POST', `/seal-grants/${extraGrant}/accept`), 404, 'GRANT_NOT_FOUND')
  })

  it('removing an agent keeps the enterprise but ends the agent’s access', async () => {
    const agent = await linkedAs('13900000022', 'agent')
    expect((await call(agent.auth, 'GET', `/enterprises/${jianfeng}/licences`)).statusCode).toBe(200)
    const response = await call(people.rep.auth, 'DELETE', `/enterprises/${jianfeng}/members/${agent.id}`)
    expect(response.statusCode).toBe(204)
    expectError(await call(agent.auth, 'GET', `/enterprises/${jianfeng}/licences`), 403, 'ENTERPRISE_FORBIDDEN')
    expect((await call(people.rep.auth, 'GET', `/enterprises/${jianfeng}/licences`)).statusCode).toBe(200)
  })

  it('refuses to remove oneself, in Chinese', async () => {
    const { rows } = await testDb.db.query<{ id: string }>('select id from users where phone = $1', [DEMO.rep])
    const response = await call(people.rep.auth, 'DELETE', `/enterprises/${jianfeng}/members/${rows[0].id}`)
    expectError(response, 409, 'MEMBER_SELF_REMOVAL')
    expect(response.json().message).toContain('不能移除自己')
  })

  it('two legal representative accounts removing each other at once: one wins, one legal representative is left', async () => {
    // An enterprise of its own with exactly these two legal representatives.
    const { id: enterpriseId } = await makeEnterprise(testDb.db)
    const first = await linkedAs('13900000023', 'legal_representative', enterpriseId)
    const second = await linkedAs('13900000024', 'legal_representative', enterpriseId)
    const [a, b] = await Promise.all([
      call(first.auth, 'DELETE', `/enterprises/${enterpriseId}/members/${second.id}`),
      call(second.auth, 'DELETE', `/enterprises/${enterpriseId}/members/${first.id}`),
    ])
    const { rows: reps } = await testDb.db.query<{ n: number }>(
      `select count(*)::int as n from user_enterprises where enterprise_id = $1 and role = 'legal_representative'`,
      [enterpriseId],
    )
    expect(reps[0].n).toBe(1)
    // The loser was removed before its own removal could run: it may no longer act for the enterprise.
    expect([a.statusCode, b.statusCode].sort()).toEqual([204, 403])
    expectError(a.statusCode === 403 ? a : b, 403, 'ENTERPRISE_FORBIDDEN')
  })
})
