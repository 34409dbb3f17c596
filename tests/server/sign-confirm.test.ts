import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { openStoredKeyPair, sealOwner } from '../../server/capabilities/esign/signing/key-material'
import { parseTbs } from '../../src/domain/signing/tbs'
import { expectError, openTestDb, testConfig, type TestDb } from './helpers'
import { sendJson, startFakeHttpServer, type FakeHttpServer } from './fake-http-server'
import {
  DOC_SM3,
  HANDLER_PIN,
  OPENSSL,
  STRANGER,
  ZHANG,
  buildSealApp,
  completeFace,
  confirm,
  createTask,
  opensslVerify,
  scan,
  signingFixture,
  type SigningFixture,
} from './seal-test-app'

let testDb: TestDb
let app: FastifyInstance
let fx: SigningFixture
let callbacks: FakeHttpServer
const responses: LightMyRequestResponse[] = []
const keep = (response: LightMyRequestResponse) => {
  responses.push(response)
  return response
}

beforeAll(async () => {
  testDb = await openTestDb()
  // The callback receiver runs on this machine: local receivers must be allowed explicitly.
  app = await buildSealApp(testDb.db, {
    config: { signing: { ...testConfig().signing, callbackAllowPrivate: true } },
  })
  app.signing.callbacks.retryDelaysMs = [0, 30, 30, 30]
  fx = await signingFixture(app, testDb.db)
  callbacks = await startFakeHttpServer((_request, response) => sendJson(response, { ok: true }))
})
afterAll(async () => {
  await app.close()
  await callbacks.close()
  await testDb.close()
})
beforeEach(() => {
  callbacks.requests.length = 0
  callbacks.reply = (_request, response) => sendJson(response, { ok: true })
})

async function scannedTask(
  auth: { authorization: string },
  body: Record<string, unknown> = {},
): Promise<{ taskId: string; ticket: string }> {
  const created = keep(
    await createTask(app, fx.system, {
      enterpriseUscc: fx.ruifengUscc,
      signers: [{ sealType: 'contract' }],
      documentName: '采购合同',
      documentSm3: DOC_SM3,
      ...body,
    }),
  )
  expect(created.statusCode).toBe(201)
  expect(keep(await scan(app, auth, created.json().ticket)).statusCode).toBe(200)
  return created.json()
}

async function callbackState(taskId: string): Promise<string | null> {
  const { rows } = await testDb.db.query<{ callback_state: string | null }>(
    'select callback_state from sign_tasks where id = $1',
    [taskId],
  )
  return rows[0].callback_state
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('concurrent confirmation', () => {
  it('yields exactly one signature when two confirmations race', async () => {
    const { taskId } = await scannedTask(fx.handler)
    const results = await Promise.all([
      confirm(app, fx.handler, taskId, { pin: HANDLER_PIN }),
      confirm(app, fx.handler, taskId, { pin: HANDLER_PIN }),
      confirm(app, fx.handler, taskId, { pin: HANDLER_PIN }),
    ])
    results.forEach(keep)
    const codes = results.map((r) => r.statusCode).sort()
    expect(codes).toEqual([200, 409, 409])
    for (const loser of results.filter((r) => r.statusCode === 409))
      expect(loser.json().code).toBe('SIGN_TASK_ALREADY_SIGNED')
    const { rows } = await testDb.db.query<{ n: number }>(
      'select count(*)::int as n from signature_records where task_id = $1',
      [taskId],
    )
    expect(rows[0].n).toBe(1)
  })
})

describe('confirming by face', () => {
  async function signFace(taskId: string, person: { name: string; idNumber: string }): Promise<string> {
    const started = keep(
      await app.inject({
        method: 'POST',
        url: '/api/v1/face/sessions',
        headers: fx.rep,
        payload: { purpose: `sign:${taskId}`, ...person, platform: 'h5' },
      }),
    )
    expect(started.statusCode).toBe(201)
    return (await completeFace(app, fx.rep, started.json().sessionId, 'pass')).json().ticket
  }

  it('signs with the legal representative’s seal once the face of the legal representative is verified', async () => {
    const { taskId } = await scannedTask(fx.rep, { signers: [{ sealType: 'official' }, { sealType: 'contract' }] })
    const wrongPerson = await signFace(taskId, STRANGER)
    expectError(keep(await confirm(app, fx.rep, taskId, { ticket: wrongPerson })), 403, 'NOT_LEGAL_REPRESENTATIVE')
    const other = await scannedTask(fx.rep)
    const otherTicket = await signFace(other.taskId, ZHANG)
    expectError(keep(await confirm(app, fx.rep, taskId, { ticket: otherTicket })), 403, 'FACE_TICKET_INVALID')

    const ticket = await signFace(taskId, ZHANG)
    const signed = keep(await confirm(app, fx.rep, taskId, { ticket }))
    expect(signed.statusCode).toBe(200)
    expect(signed.json().signatures.map((s: { name: string }) => s.name)).toEqual([
      '许昌瑞丰食品有限公司',
      '许昌瑞丰食品有限公司合同专用章',
    ])
    const tbs = parseTbs(Buffer.from(signed.json().signatures[0].tbs, 'base64').toString('utf8'))
    expect(tbs.ok && tbs.tbs.propertyInfo.signer).toEqual({
      userId: expect.any(String),
      name: '张建国',
      basis: 'legal_representative',
      grantId: null,
      confirmedBy: 'face',
    })
    // The face ticket was used up with the signature.
    expectError(keep(await confirm(app, fx.rep, taskId, { ticket })), 409, 'SIGN_TASK_ALREADY_SIGNED')
  })

  it('refuses a face session for a task the user has not scanned', async () => {
    const created = keep(
      await createTask(app, fx.system, {
        enterpriseUscc: fx.ruifengUscc,
        signers: [{ sealType: 'contract' }],
        documentName: 'x',
        documentSm3: DOC_SM3,
      }),
    )
    const started = await app.inject({
      method: 'POST',
      url: '/api/v1/face/sessions',
      headers: fx.rep,
      payload: { purpose: `sign:${created.json().taskId}`, ...ZHANG, platform: 'h5' },
    })
    expectError(started, 409, 'SIGN_TASK_NOT_SCANNED')
  })
})

describe('callbacks to the requesting system', () => {
  it('posts the final status, retrying until the system answers 2xx', async () => {
    let calls = 0
    callbacks.reply = (_request, response) => sendJson(response, {}, ++calls <= 2 ? 500 : 200)
    const { taskId } = await scannedTask(fx.handler, { callbackUrl: `${callbacks.baseUrl}/hooks/sign` })
    keep(await confirm(app, fx.handler, taskId, { pin: HANDLER_PIN }))
    await until(async () => (await callbackState(taskId)) === 'delivered')
    expect(callbacks.requests).toHaveLength(3)
    for (const request of callbacks.requests) {
      expect(request.url.pathname).toBe('/hooks/sign')
      expect(JSON.parse(request.body)).toEqual({ taskId, status: 'signed', statusLabel: '已签署' })
    }
    const { rows } = await testDb.db.query<{ callback_attempts: number }>(
      'select callback_attempts from sign_tasks where id = $1',
      [taskId],
    )
    expect(rows[0].callback_attempts).toBe(3)
  })

  it('gives up after the last retry', async () => {
    callbacks.reply = (_request, response) => sendJson(response, {}, 503)
    const { taskId } = await scannedTask(fx.handler, { callbackUrl: `${callbacks.baseUrl}/hooks/sign` })
    await app.inject({ method: 'POST', url: `/api/v1/sign-tasks/${taskId}/reject`, headers: fx.handler })
    await until(async () => (await callbackState(taskId)) === 'failed')
    expect(callbacks.requests).toHaveLength(4)
    expect(JSON.parse(callbacks.requests[0].body).status).toBe('rejected')
  })

  it('tells the system why the signer refused, and the 用章记录 keeps the reason', async () => {
    const { taskId } = await scannedTask(fx.handler, { callbackUrl: `${callbacks.baseUrl}/hooks/sign` })
    await app.inject({
      method: 'POST',
      url: `/api/v1/sign-tasks/${taskId}/reject`,
      headers: fx.handler,
      payload: { reason: '金额或数量有误：单价不对' },
    })
    await until(async () => (await callbackState(taskId)) === 'delivered')
    expect(JSON.parse(callbacks.requests[0].body)).toEqual({
      taskId,
      status: 'rejected',
      statusLabel: '已拒绝',
      rejectReason: '金额或数量有误：单价不对',
    })
    const audit = await app.inject({
      method: 'GET',
      url: `/api/v1/enterprises/${fx.ruifeng}/seal-audit`,
      headers: fx.rep,
    })
    const entry = audit.json().items.find((e: { taskId: string; action: string }) => e.taskId === taskId)
    expect(entry).toMatchObject({ action: 'reject', detail: expect.stringContaining('：金额或数量有误：单价不对') })
  })

  it('a task refused by the seal’s 用章规则 reaches the system like a rejection, with the rule’s code', async () => {
    const rulesUrl = `/api/v1/enterprises/${fx.ruifeng}/seals/${fx.seals.contract}/rules`
    const rules = { systemIds: [], documentTypes: [], hours: null, workingDaysOnly: false, secondApproval: null }
    const put = (dailyLimit: number | null) =>
      app.inject({ method: 'PUT', url: rulesUrl, headers: fx.rep, payload: { ...rules, dailyLimit } })
    expect((await put(1)).statusCode).toBe(200)
    try {
      const first = await scannedTask(fx.handler)
      expect((await confirm(app, fx.handler, first.taskId, { pin: HANDLER_PIN })).statusCode).toBe(200)
      const { taskId } = await scannedTask(fx.handler, { callbackUrl: `${callbacks.baseUrl}/hooks/sign` })
      const refused = await confirm(app, fx.handler, taskId, { pin: HANDLER_PIN })
      expect(refused.json().code).toBe('SEAL_RULE_DAILY_LIMIT')
      await until(async () => (await callbackState(taskId)) === 'delivered')
      expect(JSON.parse(callbacks.requests[0].body)).toEqual({
        taskId,
        status: 'rejected',
        statusLabel: '已拒绝',
        rejectReason: expect.stringContaining('今日用章次数已达上限'),
        refusalCode: 'daily-limit-reached',
      })
    } finally {
      await put(null)
    }
  })

  it('tells the system when a task expires (through the sweep)', async () => {
    const created = keep(
      await createTask(app, fx.system, {
        enterpriseUscc: fx.ruifengUscc,
        signers: [{ sealType: 'contract' }],
        documentName: '过期的合同',
        documentSm3: DOC_SM3,
        callbackUrl: `${callbacks.baseUrl}/hooks/sign`,
      }),
    )
    await testDb.db.query(`update sign_tasks set expires_at = now() - interval '1 second' where id = $1`, [
      created.json().taskId,
    ])
    await app.signing.sweep()
    const mine = () => callbacks.requests.filter((r) => JSON.parse(r.body).taskId === created.json().taskId)
    await until(() => mine().length === 1)
    expect(JSON.parse(mine()[0].body)).toEqual({
      taskId: created.json().taskId,
      status: 'expired',
      statusLabel: '已过期',
    })
  })

  it('keeps the delivery when its timer fires before the row is due (the database clock ran behind)', async () => {
    const { taskId } = await scannedTask(fx.handler, { callbackUrl: `${callbacks.baseUrl}/hooks/sign` })
    await app.inject({ method: 'POST', url: `/api/v1/sign-tasks/${taskId}/reject`, headers: fx.handler })
    await until(async () => (await callbackState(taskId)) === 'delivered')
    callbacks.requests.length = 0
    // Due 300 ms from now by the database's clock, while this instance's timer fires at once.
    await testDb.db.query(
      `update sign_tasks set callback_state = 'pending', callback_attempts = 0,
         callback_next_at = now() + interval '300 milliseconds' where id = $1`,
      [taskId],
    )
    app.signing.callbacks.notify(taskId)
    await until(async () => (await callbackState(taskId)) === 'delivered')
    expect(callbacks.requests).toHaveLength(1)
    expect(JSON.parse(callbacks.requests[0].body)).toMatchObject({ taskId, status: 'rejected' })
  })
})

describe('the signature record', () => {
  ;(OPENSSL ? it : it.skip)('verifies with OpenSSL from the record alone', async () => {
    const { taskId } = await scannedTask(fx.handler)
    const signed = keep(await confirm(app, fx.handler, taskId, { pin: HANDLER_PIN }))
    const record = signed.json().signatures[0]
    const output = opensslVerify(
      record.signerPublicKey,
      Buffer.from(record.tbs, 'base64'),
      Buffer.from(record.signature, 'base64'),
      record.signerId,
    )
    expect(output).toBe('Signature Verified Successfully')
  })

  it('never carries a private key, in any response of this suite', async () => {
    // A signature of its own, so that run alone it still has answers to look in.
    const { taskId } = await scannedTask(fx.handler)
    expect(keep(await confirm(app, fx.handler, taskId, { pin: HANDLER_PIN })).statusCode).toBe(200)
    const { rows } = await testDb.db.query<{ id: string; public_key_hex: string; private_key_sealed: string }>(
      'select id, public_key_hex, private_key_sealed from seals',
    )
    const secrets = rows.flatMap((row) => {
      const { privateKeyHex } = openStoredKeyPair(app.signing.vault, sealOwner(row.id), {
        publicKeyHex: row.public_key_hex,
        privateKeySealed: row.private_key_sealed,
      })
      return [
        privateKeyHex,
        privateKeyHex.toUpperCase(),
        Buffer.from(privateKeyHex, 'hex').toString('base64'),
        row.private_key_sealed,
      ]
    })
    expect(responses.length).toBeGreaterThanOrEqual(3)
    for (const response of responses) {
      expect(response.body).not.toMatch(/PRIVATE/i)
      for (const secret of secrets) expect(response.body).not.toContain(secret)
    }
  })
})
