import type { FastifyInstance } from 'fastify'
import type { FaceProvider } from '../../server/capabilities/esign/face/face-provider'
import { expectError, openTestDb, type TestDb } from './helpers'
import {
  JIANFENG,
  RUIFENG,
  STRANGER,
  ZHANG,
  buildSealApp,
  completeFace,
  enterpriseIdByName,
  faceTicket,
  sandboxUser,
} from './seal-test-app'

let testDb: TestDb
let app: FastifyInstance

beforeAll(async () => {
  testDb = await openTestDb()
  app = await buildSealApp(testDb.db)
})
afterAll(async () => {
  await app.close()
  await testDb.close()
})

let phoneSeq = 0
/** A fresh user each time, so lockouts and links of one test do not leak into another. */
const freshUser = () => sandboxUser(app, `1390000${String(++phoneSeq).padStart(4, '0')}`)

function start(auth: { authorization: string }, body: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: '/api/v1/face/sessions', headers: auth, payload: body })
}

describe('face sessions (sandbox)', () => {
  it('starts a sandbox session and, when the face passes, issues a ticket for that purpose', async () => {
    const auth = await freshUser()
    const started = await start(auth, { purpose: 'login', ...ZHANG, platform: 'h5' })
    expect(started.statusCode).toBe(201)
    expect(started.json()).toMatchObject({ provider: 'sandbox', sandboxToken: expect.stringMatching(/^sandbox_/) })
    const done = await completeFace(app, auth, started.json().sessionId, 'pass')
    expect(done.statusCode).toBe(200)
    expect(done.json()).toEqual({
      ticket: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      purpose: 'login',
      expiresAt: expect.any(String),
      person: { nameMasked: '张*国', idNumberMasked: '4110**********0371' },
    })
    const ttl = Date.parse(done.json().expiresAt) - Date.now()
    expect(ttl).toBeGreaterThan(4 * 60_000)
    expect(ttl).toBeLessThanOrEqual(5 * 60_000 + 5_000)
  })

  it('checks the name and ID number before calling any provider', async () => {
    const auth = await freshUser()
    const badId = await start(auth, {
      purpose: 'login',
      name: '张建国',
      idNumber: '411002197803150372',
      platform: 'h5',
    })
    expectError(badId, 400, 'VALIDATION_FAILED')
    expect(badId.json().details).toEqual([{ field: 'idNumber', message: '身份证号校验位不正确，请核对' }])
    const badName = await start(auth, { purpose: 'login', name: 'Zhang', idNumber: ZHANG.idNumber, platform: 'h5' })
    expect(badName.json().details[0].field).toBe('name')
    expectError(await start(auth, { purpose: 'anything', ...ZHANG, platform: 'h5' }), 400, 'VALIDATION_FAILED')
  })

  it('refuses a sign:<taskId> purpose for a task the user has not scanned', async () => {
    const auth = await freshUser()
    const response = await start(auth, {
      purpose: `sign:${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`,
      ...ZHANG,
      platform: 'h5',
    })
    expectError(response, 409, 'SIGN_TASK_NOT_SCANNED')
  })

  it('answers a failed face with FACE_MISMATCH and a cancelled one with FACE_CANCELLED, issuing nothing', async () => {
    const auth = await freshUser()
    const failed = await start(auth, { purpose: 'login', ...STRANGER, platform: 'h5' })
    const mismatch = await completeFace(app, auth, failed.json().sessionId, 'fail')
    expectError(mismatch, 403, 'FACE_MISMATCH')
    expect(mismatch.json().message).toMatch(/不一致/)
    const cancelled = await start(auth, { purpose: 'login', ...STRANGER, platform: 'h5' })
    expectError(await completeFace(app, auth, cancelled.json().sessionId, 'cancel'), 400, 'FACE_CANCELLED')
    // A finished session cannot be completed again, even with a "pass".
    expectError(await completeFace(app, auth, failed.json().sessionId, 'pass'), 409, 'FACE_SESSION_CLOSED')
    const { rows } = await testDb.db.query<{ n: number }>(
      'select count(*)::int as n from face_tickets where session_id in ($1, $2)',
      [failed.json().sessionId, cancelled.json().sessionId],
    )
    expect(rows[0].n).toBe(0)
  })

  it('records a failed face in the 用章记录 with its purpose in Chinese', async () => {
    const auth = await sandboxUser(app, '13800000001')
    const enterpriseId = await enterpriseIdByName(testDb.db, JIANFENG)
    const started = await start(auth, { purpose: 'claim-seal', ...STRANGER, platform: 'h5', enterpriseId })
    expect(started.statusCode).toBe(201)
    expectError(await completeFace(app, auth, started.json().sessionId, 'fail'), 403, 'FACE_MISMATCH')
    const { rows } = await testDb.db.query<{ detail: string }>(
      `select detail from seal_audit where enterprise_id = $1 and action = 'face-failed' order by id desc limit 1`,
      [enterpriseId],
    )
    expect(rows[0].detail).toBe('刷脸认证未通过（赵*，1101**********002X，用途：领取印章）')
  })

  it("does not let a user complete another user's session", async () => {
    const owner = await freshUser()
    const other = await freshUser()
    const started = await start(owner, { purpose: 'login', ...ZHANG, platform: 'h5' })
    expectError(await completeFace(app, other, started.json().sessionId, 'pass'), 404, 'FACE_SESSION_NOT_FOUND')
  })

  it('refuses an expired session', async () => {
    const auth = await freshUser()
    const started = await start(auth, { purpose: 'login', ...ZHANG, platform: 'h5' })
    await testDb.db.query(`update face_sessions set expires_at = now() - interval '1 second' where id = $1`, [
      started.json().sessionId,
    ])
    expectError(await completeFace(app, auth, started.json().sessionId, 'pass'), 404, 'FACE_SESSION_NOT_FOUND')
  })

  it('locks the account after 5 failures in 10 minutes, not the person it named', async () => {
    const auth = await freshUser()
    const person = { name: '钱七', idNumber: '110105198001010016' }
    for (let i = 0; i < 5; i++) {
      const started = await start(auth, { purpose: 'login', ...person, platform: 'h5' })
      expect(started.statusCode).toBe(201)
      expectError(await completeFace(app, auth, started.json().sessionId, 'fail'), 403, 'FACE_MISMATCH')
    }
    const locked = await start(auth, { purpose: 'login', ...ZHANG, platform: 'h5' })
    expectError(locked, 429, 'FACE_LOCKED')
    expect(locked.json().message).toContain('10 分钟')
    // Another account naming the same person is not locked: the person may be the real one.
    expect((await start(await freshUser(), { purpose: 'login', ...person, platform: 'h5' })).statusCode).toBe(201)
    // When the lock ends, the account may try again.
    await testDb.db.query(`update face_attempt_counters set locked_until = now() - interval '1 second'
      where scope = 'account' and locked_until is not null`)
    expect((await start(auth, { purpose: 'login', ...ZHANG, platform: 'h5' })).statusCode).toBe(201)
  })

  it('never stores the ID number or the provider state in the clear', async () => {
    const auth = await freshUser()
    const started = await start(auth, { purpose: 'login', ...ZHANG, platform: 'h5' })
    const pending = await testDb.db.query('select * from face_sessions where id = $1', [started.json().sessionId])
    expect(JSON.stringify(pending.rows)).not.toContain(ZHANG.idNumber)
    expect(JSON.stringify(pending.rows)).not.toContain(started.json().sandboxToken)
    await completeFace(app, auth, started.json().sessionId, 'pass')
    const done = await testDb.db.query<{ provider_state: string | null }>('select * from face_sessions where id = $1', [
      started.json().sessionId,
    ])
    expect(done.rows[0].provider_state).toBeNull()
    const tickets = await testDb.db.query('select * from face_tickets')
    expect(JSON.stringify(tickets.rows)).not.toContain(ZHANG.idNumber)
  })
})

describe('刷脸办事: link the enterprises of the verified legal representative', () => {
  it('links every enterprise whose legal representative is the verified person, once', async () => {
    const auth = await freshUser()
    const ticket = await faceTicket(app, auth, 'login')
    const linked = await app.inject({
      method: 'POST',
      url: '/api/v1/face/link-enterprises',
      headers: auth,
      payload: { ticket },
    })
    expect(linked.statusCode).toBe(200)
    expect(linked.json().newlyLinked).toBe(2)
    expect(
      linked
        .json()
        .enterprises.map((e: { name: string }) => e.name)
        .sort(),
    ).toEqual([JIANFENG, RUIFENG].sort())
    expect(linked.json().enterprises.every((e: { role: string }) => e.role === 'legal_representative')).toBe(true)

    // The ticket is single use.
    const replay = await app.inject({
      method: 'POST',
      url: '/api/v1/face/link-enterprises',
      headers: auth,
      payload: { ticket },
    })
    expectError(replay, 403, 'FACE_TICKET_INVALID')
    expect(replay.json().message).toContain('已使用')
    const list = await app.inject({ method: 'GET', url: '/api/v1/enterprises', headers: auth })
    expect(list.json()).toHaveLength(2)
  })

  it('links nothing for a person who is nobody’s legal representative', async () => {
    const auth = await freshUser()
    const ticket = await faceTicket(app, auth, 'login', STRANGER)
    const linked = await app.inject({
      method: 'POST',
      url: '/api/v1/face/link-enterprises',
      headers: auth,
      payload: { ticket },
    })
    expect(linked.json()).toEqual({ enterprises: [], newlyLinked: 0 })
  })

  it('refuses a ticket of another purpose, of another user, or past its 5 minutes', async () => {
    const auth = await freshUser()
    const link = (headers: { authorization: string }, ticket: string) =>
      app.inject({ method: 'POST', url: '/api/v1/face/link-enterprises', headers, payload: { ticket } })

    const claimTicket = await faceTicket(app, auth, 'claim-seal')
    expect((await link(auth, claimTicket)).json().message).toContain('不能用于本次操作')

    const loginTicket = await faceTicket(app, auth, 'login')
    expectError(await link(await freshUser(), loginTicket), 403, 'FACE_TICKET_INVALID')

    await testDb.db.query(`update face_tickets set expires_at = now() - interval '1 second' where used_at is null`)
    const expired = await link(auth, loginTicket)
    expectError(expired, 403, 'FACE_TICKET_INVALID')
    expect(expired.json().message).toContain('5 分钟')
  })
})

describe('providers by platform', () => {
  it('refuses the sandbox when it is off', async () => {
    const strict = await buildSealApp(testDb.db, { config: { sandbox: false } })
    try {
      // Log in with a session made directly: sandbox login is off here too.
      const auth = await sandboxUser(app, '13900009999')
      const response = await strict.inject({
        method: 'POST',
        url: '/api/v1/face/sessions',
        headers: auth,
        payload: { purpose: 'login', ...ZHANG, platform: 'h5' },
      })
      expectError(response, 403, 'SANDBOX_DISABLED')
      expect(response.json().message).toContain('体验刷脸')
      const weapp = await strict.inject({
        method: 'POST',
        url: '/api/v1/face/sessions',
        headers: auth,
        payload: { purpose: 'login', ...ZHANG, platform: 'weapp' },
      })
      expectError(weapp, 503, 'FACE_UNAVAILABLE')
      // Even an injected sandbox provider is dropped when the sandbox is off.
      const injected = await buildSealApp(testDb.db, {
        config: { sandbox: false },
        faceProviders: { sandbox: app.signing.faceProviders.sandbox },
      })
      expect(injected.signing.faceProviders.sandbox).toBeUndefined()
      await injected.close()
    } finally {
      await strict.close()
    }
  })

  it('trusts the provider, not the client: a client "success" with a failing provider is refused', async () => {
    const provider: FaceProvider = {
      name: 'wechat',
      start: async () => ({ clientParams: { verifyId: 'v1' }, state: { verifyId: 'v1' } }),
      verdict: async () => ({ outcome: 'mismatch', detail: 'verify_ret 10004' }),
    }
    const wechatApp = await buildSealApp(testDb.db, { faceProviders: { wechat: provider } })
    try {
      const auth = await freshUser()
      const started = await wechatApp.inject({
        method: 'POST',
        url: '/api/v1/face/sessions',
        headers: auth,
        payload: { purpose: 'login', ...ZHANG, platform: 'weapp' },
      })
      expect(started.json()).toMatchObject({ provider: 'wechat', verifyId: 'v1' })
      const forged = await wechatApp.inject({
        method: 'POST',
        url: `/api/v1/face/sessions/${started.json().sessionId}/complete`,
        headers: auth,
        payload: {
          clientResult: {
            errCode: 0,
            errMsg: 'requestFacialVerify:ok',
            verifyResult: 'forged',
            sandboxOutcome: 'pass',
          },
        },
      })
      expectError(forged, 403, 'FACE_MISMATCH')
    } finally {
      await wechatApp.close()
    }
  })

  it('keeps the session open when the provider cannot answer, so the user may ask again', async () => {
    let answer: 'down' | 'passed' = 'down'
    const provider: FaceProvider = {
      name: 'alipay',
      start: async () => ({ clientParams: { certifyId: 'c1', certifyUrl: 'https://x' }, state: { certifyId: 'c1' } }),
      verdict: async () => {
        if (answer === 'down') {
          const { ApiError } = await import('../../server/kernel/http/api-error')
          throw new ApiError('FACE_PROVIDER_ERROR', { cause: 'gateway down' })
        }
        return { outcome: 'passed' }
      },
    }
    const alipayApp = await buildSealApp(testDb.db, { faceProviders: { alipay: provider } })
    try {
      const auth = await freshUser()
      const started = await alipayApp.inject({
        method: 'POST',
        url: '/api/v1/face/sessions',
        headers: auth,
        payload: { purpose: 'login', ...ZHANG, platform: 'alipay' },
      })
      const complete = () =>
        alipayApp.inject({
          method: 'POST',
          url: `/api/v1/face/sessions/${started.json().sessionId}/complete`,
          headers: auth,
        })
      expectError(await complete(), 502, 'FACE_PROVIDER_ERROR')
      answer = 'passed'
      expect((await complete()).statusCode).toBe(200)
    } finally {
      await alipayApp.close()
    }
  })
})
