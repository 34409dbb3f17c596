import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { buildApp } from '../../../server/app'
import { loadConfig } from '../../../server/kernel/config'
import type { Db } from '../../../server/kernel/db/db'
import { createSystem } from '../../../server/kernel/repos/systems'
import { DEMO_POLICIES } from '../../../server/capabilities/policies/seed/demo-policies'
import { demoUscc, DEMO_ENTERPRISES, seedDemoData } from '../../../server/seed/demo'
import { localDiskStorage } from '../../../server/kernel/storage/attachment-storage'
import { VALID_COMPLAINT } from '../complaint-input'

/**
 * The app the OpenAPI fuzz talks to, with enough in it that handlers run rather than stop at
 * 401/404: the demo data, 张建国 signed in with his two enterprises and their seals claimed, a
 * grant to 王磊, sign tasks, a complaint, a pending face session, the admin key and a system key.
 * No jest here: bench/fuzz.ts uses it too.
 */

export const FUZZ_TODAY = '2026-09-01'
const NOW = Date.parse(`${FUZZ_TODAY}T10:00:00+08:00`)
const ADMIN_KEY = 'fuzz-admin-key-0123456789abcdef'
const REP_PHONE = '13800000001'
const HANDLER_PHONE = '13800000003'
const AGENT_PHONE = '13800000002'
/** Withdraws consent and logs out: a user of its own, so the others keep their sessions. */
const THROWAWAY_PHONE = '13900000009'
export const REP_PIN = '135790'
const DOCUMENT_SM3 = 'a'.repeat(64)

export type Auth = Record<string, string>

export interface FuzzWorld {
  app: FastifyInstance
  db: Db
  auth: { rep: Auth; handler: Auth; agent: Auth; admin: Auth; system: Auth }
  /** A fresh session of a user nobody else uses (for logout and consent withdrawal). */
  throwaway(): Promise<Auth>
  /** Real ids by path parameter name; `id` is split by the path it appears in. */
  ids: Record<string, string[]>
  /** Every id above that is a uuid. */
  knownIds: string[]
  samples: string[]
  /** Known-good bodies by operation ('POST /api/v1/…'), for routes whose schema says little. */
  examples: Record<string, unknown[]>
  /** 验章: a real signature record, and the document hash it signed. */
  signatureRecord: { record: Record<string, unknown>; documentSm3: string }
  close(): Promise<void>
}

async function expectStatus(response: Promise<LightMyRequestResponse>, status: number): Promise<any> {
  const done = await response
  if (done.statusCode !== status) throw new Error(`fuzz fixture: ${done.statusCode} ${done.body}`)
  return done.body ? done.json() : undefined
}

async function column(db: Db, sql: string, params: unknown[] = []): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(sql, params)
  return rows.map((row) => String(row.id))
}

/** `db` is migrated and empty; the world seeds it as of FUZZ_TODAY. */
export async function openFuzzWorld(db: Db): Promise<FuzzWorld> {
  await seedDemoData(db, FUZZ_TODAY)
  const attachmentDir = mkdtempSync(join(tmpdir(), 'zqt-fuzz-attachments-'))
  const config = { ...loadConfig({ NODE_ENV: 'test', SANDBOX: '1', ADMIN_API_KEY: ADMIN_KEY }) }
  const app = buildApp({ db, config, now: () => NOW, attachmentStorage: localDiskStorage(attachmentDir) })
  await app.ready()

  let logins = 0
  const login = async (phone: string): Promise<Auth> => {
    logins++
    const body = await expectStatus(
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        // Each from an address of its own: the fuzz logs in thousands of times, the limit is per address.
        remoteAddress: `10.${(logins >> 16) & 255}.${(logins >> 8) & 255}.${logins & 255}`,
        payload: { platform: 'h5', code: `sandbox:${phone}`, consentVersion: '2025-01' },
      }),
      200,
    )
    return { authorization: `Bearer ${body.token}` }
  }
  const rep = await login(REP_PHONE)
  const handler = await login(HANDLER_PHONE)
  const agent = await login(AGENT_PHONE)
  const admin = { authorization: `Bearer ${ADMIN_KEY}` }

  const [ruifeng, jianfeng] = DEMO_ENTERPRISES
  const ruifengId = (await column(db, 'select id from enterprises where name = $1', [ruifeng.name]))[0]
  const session = await expectStatus(
    app.inject({
      method: 'POST',
      url: '/api/v1/face/sessions',
      headers: rep,
      payload: { purpose: 'claim-seal', name: '张建国', idNumber: '411002197803150371', platform: 'h5' },
    }),
    201,
  )
  const face = await expectStatus(
    app.inject({
      method: 'POST',
      url: `/api/v1/face/sessions/${session.sessionId}/complete`,
      headers: rep,
      payload: { clientResult: { sandboxOutcome: 'pass' } },
    }),
    200,
  )
  const claimed = await expectStatus(
    app.inject({
      method: 'POST',
      url: `/api/v1/enterprises/${ruifengId}/seals/claim`,
      headers: rep,
      payload: { ticket: face.ticket, pin: REP_PIN },
    }),
    201,
  )
  // Seal grants are timed by the wall clock (server/capabilities/esign/seals/grants.ts), not the app's.
  const grantUntil = new Date(app.clock() + 30 * 86_400_000).toISOString().slice(0, 10)
  const contractSeal = claimed.seals.find((seal: { type: string }) => seal.type === 'contract').id
  await expectStatus(
    app.inject({
      method: 'POST',
      url: `/api/v1/enterprises/${ruifengId}/seal-grants`,
      headers: rep,
      payload: { grantee: { phone: HANDLER_PHONE }, sealIds: [contractSeal], validUntil: grantUntil, pin: REP_PIN },
    }),
    201,
  )
  // Left pending, for /face/sessions/{sessionId}/complete.
  await expectStatus(
    app.inject({
      method: 'POST',
      url: '/api/v1/face/sessions',
      headers: rep,
      payload: { purpose: 'login', name: '张建国', idNumber: '411002197803150371', platform: 'h5' },
    }),
    201,
  )

  const systemKey = await createSystem(db, '模糊测试系统', ['sign-tasks', 'licence-import'])
  await createSystem(db, '待停用的系统', ['sign-tasks'])
  const system = { authorization: `Bearer ${systemKey.apiKey}` }
  const tasks: { taskId: string; ticket: string }[] = []
  for (const documentName of ['采购合同', '授权委托书']) {
    const task = await expectStatus(
      app.inject({
        method: 'POST',
        url: '/api/v1/sign-tasks',
        headers: system,
        payload: {
          enterpriseUscc: demoUscc(ruifeng),
          signers: [{ sealType: 'contract' }],
          documentName,
          documentSm3: DOCUMENT_SM3,
        },
      }),
      201,
    )
    tasks.push(task)
  }
  // One signed task: its signature record is the base of the 验章 requests.
  await expectStatus(
    app.inject({ method: 'POST', url: '/api/v1/sign-tasks/scan', headers: rep, payload: { ticket: tasks[0].ticket } }),
    200,
  )
  await expectStatus(
    app.inject({
      method: 'POST',
      url: `/api/v1/sign-tasks/${tasks[0].taskId}/confirm`,
      headers: rep,
      payload: { pin: REP_PIN },
    }),
    200,
  )
  // The second stays scanned by 张建国: confirming it reaches the PIN check.
  await expectStatus(
    app.inject({ method: 'POST', url: '/api/v1/sign-tasks/scan', headers: rep, payload: { ticket: tasks[1].ticket } }),
    200,
  )
  const signed = await expectStatus(
    app.inject({ method: 'GET', url: `/api/v1/sign-tasks/${tasks[0].taskId}`, headers: system }),
    200,
  )
  await expectStatus(
    app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: { ...rep, 'idempotency-key': 'fuzz-world-complaint' },
      payload: VALID_COMPLAINT,
    }),
    201,
  )

  const ids: Record<string, string[]> = {
    enterpriseId: await column(db, 'select id from enterprises order by id = $1 desc, name', [ruifengId]),
    licenceId: await column(db, 'select id from licences order by enterprise_id = $1 desc, id limit 6', [ruifengId]),
    grantId: await column(db, 'select id from seal_grants'),
    taskId: [tasks[1].taskId, tasks[0].taskId],
    sessionId: await column(db, 'select id from face_sessions'),
    complaintId: await column(db, 'select id from complaints'),
    attachmentId: await column(db, 'select id from complaint_attachments'),
    'systems:id': await column(db, 'select id from systems where id <> $1', [systemKey.id]),
    'inbox:id': await column(db, 'select id from inbox_messages limit 4'),
    'policies:id': await column(db, 'select id from policies order by id limit 6'),
  }
  const sealIds = await column(db, 'select id from seals')
  const knownIds = [...new Set([...Object.values(ids).flat(), ...sealIds])].filter((id) =>
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id),
  )
  const samples = [
    demoUscc(ruifeng),
    demoUscc(jianfeng),
    REP_PHONE,
    HANDLER_PHONE,
    '411002197803150371',
    '张建国',
    REP_PIN,
    'C1432',
    ...ids['policies:id'].slice(0, 2),
  ]
  return {
    app,
    db,
    auth: { rep, handler, agent, admin, system },
    throwaway: () => login(THROWAWAY_PHONE),
    ids,
    knownIds,
    samples,
    examples: {
      'POST /api/v1/admin/policies': DEMO_POLICIES.slice(0, 8),
      'PUT /api/v1/admin/policies/{id}': DEMO_POLICIES.slice(0, 8),
      'POST /api/v1/enterprises/{enterpriseId}/seal-grants': [
        { grantee: { phone: AGENT_PHONE }, sealIds: [contractSeal], validUntil: grantUntil, pin: REP_PIN },
      ],
      'POST /api/v1/sign-tasks/{taskId}/confirm': [{ pin: REP_PIN }],
      'POST /api/v1/enterprises/{enterpriseId}/licences': [
        {
          typeCode: 'food-business',
          number: 'JY14110020000901',
          authority: '许昌市市场监督管理局',
          issuedOn: '2025-01-01',
          expiresOn: '2029-12-31',
          scope: '预包装食品销售',
        },
      ],
      'POST /api/v1/complaints': [VALID_COMPLAINT],
    },
    signatureRecord: { record: signed.signatures[0], documentSm3: DOCUMENT_SM3 },
    async close() {
      await app.close()
      rmSync(attachmentDir, { recursive: true, force: true })
    },
  }
}
