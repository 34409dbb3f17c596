import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { buildApp } from '../../server/app'
import type { Config } from '../../server/kernel/config'
import type { FaceProviders } from '../../server/capabilities/esign/face/face-provider'
import type { LoginProviders } from '../../server/kernel/auth/providers/login-provider'
import type { Db } from '../../server/kernel/db/db'
import type { SignatureRecord } from '../../src/contract/esign/schemas'
import { bearer, loginSandbox, openTestDb, testConfig, type TestDb } from './helpers'

/**
 * Apps for the 刷脸 / 印章 / 签章 suites, built on a shared TestDb with face providers injected
 * (the shared createTestApp does not pass them through).
 */
export async function buildSealApp(
  db: Db,
  options: {
    config?: Partial<Config>
    faceProviders?: FaceProviders
    loginProviders?: LoginProviders
    /** the app clock (hours and days of 用章规则) */
    now?: () => number
  } = {},
): Promise<FastifyInstance> {
  const app = buildApp({
    db,
    now: options.now,
    config: testConfig(options.config),
    faceProviders: options.faceProviders,
    loginProviders: options.loginProviders,
  })
  await app.ready()
  return app
}

export const ZHANG = { name: '张建国', idNumber: '411002197803150371' } as const
/** A valid ID number nobody in the demo data has. */
export const STRANGER = { name: '赵六', idNumber: '11010519491231002X' } as const

/** Logs in with the sandbox and returns the bearer headers. */
export async function sandboxUser(app: FastifyInstance, phone: string): Promise<{ authorization: string }> {
  return bearer((await loginSandbox(app, phone)).token)
}

/** A sandbox face verification that passes: the ticket for `purpose`. */
export async function faceTicket(
  app: FastifyInstance,
  auth: { authorization: string },
  purpose: string,
  person: { name: string; idNumber: string } = ZHANG,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const started = await app.inject({
    method: 'POST',
    url: '/api/v1/face/sessions',
    headers: auth,
    payload: { purpose, ...person, platform: 'h5', ...extra },
  })
  if (started.statusCode !== 201) throw new Error(`face start failed: ${started.statusCode} ${started.body}`)
  const done = await completeFace(app, auth, started.json().sessionId, 'pass')
  if (done.statusCode !== 200) throw new Error(`face complete failed: ${done.statusCode} ${done.body}`)
  return done.json().ticket
}

export function completeFace(
  app: FastifyInstance,
  auth: { authorization: string },
  sessionId: string,
  sandboxOutcome: 'pass' | 'fail' | 'cancel',
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: `/api/v1/face/sessions/${sessionId}/complete`,
    headers: auth,
    payload: { clientResult: { sandboxOutcome } },
  })
}

export async function enterpriseIdByName(db: Db, name: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>('select id from enterprises where name = $1', [name])
  return rows[0].id
}

export const RUIFENG = '许昌瑞丰食品有限公司'
export const JIANFENG = '许昌建丰钢结构工程有限公司'
export const ZHILIAN = '衢州智联电子科技有限公司'

export interface SigningFixture {
  rep: { authorization: string }
  handler: { authorization: string }
  ruifeng: string
  ruifengUscc: string
  /** type → id */
  seals: Record<string, string>
  system: { authorization: string }
  systemId: string
}

/** The handler's signing PIN, set by claiming a personal signature (as 赵六) in signingFixture. */
export const HANDLER_PIN = '246801'

/**
 * 张建国 claims 瑞丰's seals (PIN 135790) and grants 王磊 the 合同专用章; 王磊 claims a personal
 * signature (PIN HANDLER_PIN); a system may create sign tasks.
 */
export async function signingFixture(app: FastifyInstance, db: Db): Promise<SigningFixture> {
  const { createSystem } = await import('../../server/kernel/repos/systems')
  const { DEMO } = await import('./helpers')
  const rep = await sandboxUser(app, DEMO.rep)
  const handler = await sandboxUser(app, DEMO.handler)
  const ruifeng = await enterpriseIdByName(db, RUIFENG)
  const ticket = await faceTicket(app, rep, 'claim-seal')
  const claimed = await app.inject({
    method: 'POST',
    url: `/api/v1/enterprises/${ruifeng}/seals/claim`,
    headers: rep,
    payload: { ticket, pin: '135790' },
  })
  if (claimed.statusCode !== 201) throw new Error(`claim failed: ${claimed.body}`)
  const seals = Object.fromEntries(claimed.json().seals.map((s: { type: string; id: string }) => [s.type, s.id]))
  const until = new Date(app.clock() + 30 * 86_400_000).toISOString().slice(0, 10)
  const granted = await app.inject({
    method: 'POST',
    url: `/api/v1/enterprises/${ruifeng}/seal-grants`,
    headers: rep,
    payload: { grantee: { phone: DEMO.handler }, sealIds: [seals.contract], validUntil: until, pin: '135790' },
  })
  if (granted.statusCode !== 201) throw new Error(`grant failed: ${granted.body}`)
  const accepted = await acceptGrant(app, handler, granted.json().id)
  if (accepted.statusCode !== 200) throw new Error(`accept failed: ${accepted.body}`)
  const signatureTicket = await faceTicket(app, handler, 'claim-signature', STRANGER)
  const signature = await app.inject({
    method: 'POST',
    url: '/api/v1/signatures/claim',
    headers: handler,
    payload: { ticket: signatureTicket, pin: HANDLER_PIN, image: { kind: 'name' } },
  })
  if (signature.statusCode !== 201) throw new Error(`signature claim failed: ${signature.body}`)
  const system = await createSystem(db, '许昌市合同管理平台', ['sign-tasks'])
  return {
    rep,
    handler,
    ruifeng,
    ruifengUscc: claimed.json().seals[0].holderUscc,
    seals,
    system: bearer(system.apiKey),
    systemId: system.id,
  }
}

/** The person a grant by phone names accepts it in the app (until then it gives nothing). */
export function acceptGrant(
  app: FastifyInstance,
  auth: { authorization: string },
  grantId: string,
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: `/api/v1/seal-grants/${grantId}/accept`, headers: auth })
}

export function createTask(
  app: FastifyInstance,
  system: { authorization: string },
  body: Record<string, unknown>,
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/v1/sign-tasks', headers: system, payload: body })
}

export function scan(
  app: FastifyInstance,
  auth: { authorization: string },
  ticket: string,
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/v1/sign-tasks/scan', headers: auth, payload: { ticket } })
}

export function confirm(
  app: FastifyInstance,
  auth: { authorization: string },
  taskId: string,
  body: { pin?: string; ticket?: string },
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: `/api/v1/sign-tasks/${taskId}/confirm`, headers: auth, payload: body })
}

/** A valid SM3 hex that stands for some document. */
export const DOC_SM3 = 'a'.repeat(64)

const opensslVersion = spawnSync('openssl', ['version'], { encoding: 'utf8' })
/** e.g. "OpenSSL 3.0.19 27 Jan 2026", or null when openssl is not installed (the checks are skipped, said once). */
export const OPENSSL = opensslVersion.status === 0 ? opensslVersion.stdout.trim() : null
if (!OPENSSL) console.log('openssl not found: skipping the OpenSSL cross-checks of SM2 signatures')

/**
 * `openssl pkeyutl -verify` of an SM2 signature over raw bytes with SM3. OpenSSL 3.0 takes the
 * signer ID as `-pkeyopt distid:` (`sm2_id:` is refused) and, without it, uses an empty ID — so
 * our signatures (ID 1234567812345678) verify only with it. Returns OpenSSL's output line.
 */
export function opensslVerify(
  publicKeyPem: string,
  tbs: Buffer,
  signatureDer: Buffer,
  distid = '1234567812345678',
): string {
  const dir = mkdtempSync(join(tmpdir(), 'zqt-sm2-'))
  try {
    writeFileSync(join(dir, 'pub.pem'), publicKeyPem)
    writeFileSync(join(dir, 'tbs.bin'), tbs)
    writeFileSync(join(dir, 'sig.der'), signatureDer)
    const args = [
      'pkeyutl',
      '-verify',
      '-pubin',
      '-inkey',
      'pub.pem',
      '-rawin',
      '-in',
      'tbs.bin',
      '-sigfile',
      'sig.der',
    ]
    const result = spawnSync('openssl', [...args, '-digest', 'sm3', '-pkeyopt', `distid:${distid}`], {
      cwd: dir,
      encoding: 'utf8',
    })
    return `${result.stdout}${result.stderr}`.trim()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** What most signing suites start from: a fresh database, the seal app on it, the signing fixture. */
export async function openSigningApp(
  options: Parameters<typeof buildSealApp>[1] = {},
): Promise<{ testDb: TestDb; app: FastifyInstance; fx: SigningFixture }> {
  const testDb = await openTestDb()
  const app = await buildSealApp(testDb.db, options)
  return { testDb, app, fx: await signingFixture(app, testDb.db) }
}

/** The end of such a suite: the app first, then the database under it. */
export async function closeSigningApp(app: FastifyInstance | undefined, testDb: TestDb | undefined): Promise<void> {
  await app?.close()
  await testDb?.close()
}

/**
 * A document signed for 瑞丰 as the system would have it: the task created with the document's
 * bytes, scanned and confirmed by the handler's PIN. The first signature record.
 */
export async function signThroughTask(
  app: FastifyInstance,
  fx: SigningFixture,
  document: Buffer,
  signers: unknown[] = [{ sealType: 'contract' }],
  documentName = '采购合同',
): Promise<SignatureRecord> {
  const created = await createTask(app, fx.system, {
    enterpriseUscc: fx.ruifengUscc,
    signers,
    documentName,
    document: document.toString('base64'),
  })
  await scan(app, fx.handler, created.json().ticket)
  const signed = await confirm(app, fx.handler, created.json().taskId, { pin: HANDLER_PIN })
  if (signed.statusCode !== 200) throw new Error(`signing failed: ${signed.body}`)
  return signed.json().signatures[0]
}
