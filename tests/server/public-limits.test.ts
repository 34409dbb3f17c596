import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import {
  ACCEPT_LIMIT_PER_ADDRESS_PER_MINUTE,
  ACCEPT_LIMIT_PER_USER_PER_MINUTE,
  ACCEPT_RATE_LIMITED_MESSAGE,
} from '../../server/capabilities/esign/routes/seal-grants'
import {
  DOCUMENT_MAX_BYTES,
  DOCUMENT_TOO_LARGE_MESSAGE,
  VERIFY_LIMIT_PER_MINUTE,
  VERIFY_RATE_LIMITED_MESSAGE,
} from '../../server/capabilities/esign/routes/seal-verifications'
import { expectError, openTestDb, type TestDb } from './helpers'
import { buildSealApp, sandboxUser } from './seal-test-app'

/**
 * The two endpoints anyone can reach cheaply: 验章 (no login) and accepting an invite code (any
 * logged-in user). Production settings (no sandbox); sessions come from a sandbox app on the same
 * database, as production has no sandbox login.
 */
let testDb: TestDb
let sandbox: FastifyInstance
let production: FastifyInstance

beforeAll(async () => {
  testDb = await openTestDb()
  sandbox = await buildSealApp(testDb.db)
  production = await buildSealApp(testDb.db, { config: { sandbox: false } })
})
afterAll(async () => {
  await production.close()
  await sandbox.close()
  await testDb.close()
})

/** A record that passes the schema and parses as nothing of ours: answered 200, valid false. */
const FOREIGN_RECORD = { tbs: 'AAAA', signature: 'AAAA', signerPublicKey: 'not-a-key' }

const verify = (payload: object, remoteAddress = '203.0.113.1') =>
  production.inject({ method: 'POST', url: '/api/v1/seal-verifications', payload, remoteAddress })

describe('POST /seal-verifications (验章, no login)', () => {
  it(`takes a document up to ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB, and says to send its SM3 beyond`, async () => {
    const fits = await verify(
      { signatureRecord: FOREIGN_RECORD, document: randomBytes(DOCUMENT_MAX_BYTES).toString('base64') },
      '203.0.113.2',
    )
    expect(fits.statusCode).toBe(200)
    expect(fits.json().valid).toBe(false)
    // The old limit took 14 MB from anyone.
    const tooLarge = await verify(
      { signatureRecord: FOREIGN_RECORD, document: randomBytes(3 * 1024 * 1024).toString('base64') },
      '203.0.113.2',
    )
    expectError(tooLarge, 413, 'PAYLOAD_TOO_LARGE')
    expect(tooLarge.json().message).toBe(DOCUMENT_TOO_LARGE_MESSAGE)
  })

  it(`allows ${VERIFY_LIMIT_PER_MINUTE} a minute from one address, then 429 in Chinese`, async () => {
    const payload = { signatureRecord: FOREIGN_RECORD, documentSm3: '0'.repeat(64) }
    for (let i = 0; i < VERIFY_LIMIT_PER_MINUTE; i++) {
      expect((await verify(payload, '198.51.100.20')).statusCode).toBe(200)
    }
    const limited = await verify(payload, '198.51.100.20')
    expectError(limited, 429, 'RATE_LIMITED')
    expect(limited.json().message).toBe(VERIFY_RATE_LIMITED_MESSAGE)
    expect((await verify(payload, '198.51.100.21')).statusCode).toBe(200)
  })
})

describe('POST /seal-grants/accept (invite code)', () => {
  let phoneSeq = 0
  const newUser = () => sandboxUser(sandbox, `1390002${String(++phoneSeq).padStart(4, '0')}`)
  const accept = (auth: { authorization: string }, remoteAddress: string) =>
    production.inject({
      method: 'POST',
      url: '/api/v1/seal-grants/accept',
      headers: auth,
      payload: { inviteCode: 'K7M2-P9Q4-R3T8' },
      remoteAddress,
    })
  const expectLimited = (response: Awaited<ReturnType<typeof accept>>) => {
    expectError(response, 429, 'RATE_LIMITED')
    expect(response.json().message).toBe(ACCEPT_RATE_LIMITED_MESSAGE)
  }

  it(`allows one user ${ACCEPT_LIMIT_PER_USER_PER_MINUTE} tries a minute, from any address`, async () => {
    const user = await newUser()
    for (let i = 0; i < ACCEPT_LIMIT_PER_USER_PER_MINUTE; i++) {
      expectError(await accept(user, `192.0.2.${10 + i}`), 404, 'INVITE_CODE_INVALID')
    }
    expectLimited(await accept(user, '192.0.2.99'))
    // Someone else is not held up by it.
    expectError(await accept(await newUser(), '192.0.2.99'), 404, 'INVITE_CODE_INVALID')
  })

  it(`allows one address ${ACCEPT_LIMIT_PER_ADDRESS_PER_MINUTE} tries a minute, whoever is logged in`, async () => {
    const users = await Promise.all(
      Array.from({ length: ACCEPT_LIMIT_PER_ADDRESS_PER_MINUTE / ACCEPT_LIMIT_PER_USER_PER_MINUTE + 1 }, newUser),
    )
    for (let i = 0; i < ACCEPT_LIMIT_PER_ADDRESS_PER_MINUTE; i++) {
      const user = users[Math.floor(i / ACCEPT_LIMIT_PER_USER_PER_MINUTE)]
      expectError(await accept(user, '198.51.100.30'), 404, 'INVITE_CODE_INVALID')
    }
    expectLimited(await accept(users[users.length - 1], '198.51.100.30'))
    expectError(await accept(users[users.length - 1], '198.51.100.31'), 404, 'INVITE_CODE_INVALID')
  })
})
