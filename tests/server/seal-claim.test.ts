import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { openStoredKeyPair, sealOwner, signatureOwner } from '../../server/capabilities/esign/signing/key-material'
import { parseSm2PublicKeyPem } from '../../server/capabilities/esign/signing/sm2'
import { DEMO, expectError, openTestDb, type TestDb } from './helpers'
import {
  JIANFENG,
  RUIFENG,
  STRANGER,
  ZHANG,
  buildSealApp,
  enterpriseIdByName,
  faceTicket,
  sandboxUser,
} from './seal-test-app'

let testDb: TestDb
let app: FastifyInstance
let rep: { authorization: string }
let ruifeng: string
/** Every response of this suite, to prove no private key ever left the server. */
const responses: LightMyRequestResponse[] = []

async function call(options: InjectOptions): Promise<LightMyRequestResponse> {
  const response = await app.inject(options)
  responses.push(response)
  return response
}

beforeAll(async () => {
  testDb = await openTestDb()
  app = await buildSealApp(testDb.db)
  rep = await sandboxUser(app, DEMO.rep)
  ruifeng = await enterpriseIdByName(testDb.db, RUIFENG)
})
afterAll(async () => {
  await app.close()
  await testDb.close()
})

const claim = (auth: { authorization: string }, enterpriseId: string, body: Record<string, unknown>) =>
  call({ method: 'POST', url: `/api/v1/enterprises/${enterpriseId}/seals/claim`, headers: auth, payload: body })

/**
 * The legal representative's claim of 瑞丰's seal set, made once by whichever test needs it first,
 * so each test that reads the claimed set stands alone (`-t`) and in any order.
 */
let claimed: Promise<LightMyRequestResponse> | undefined
const claimedSet = () =>
  (claimed ??= faceTicket(app, rep, 'claim-seal').then((ticket) => claim(rep, ruifeng, { ticket, pin: '135790' })))

describe('claiming the seal set', () => {
  it('refuses a weak or malformed PIN before using the face ticket', async () => {
    const ticket = await faceTicket(app, rep, 'claim-seal')
    const weak = await claim(rep, ruifeng, { ticket, pin: '123456' })
    expectError(weak, 400, 'VALIDATION_FAILED')
    expect(weak.json().details).toEqual([{ field: 'pin', message: '签署密码过于简单（如 111111、123456），请换一个' }])
    expectError(await claim(rep, ruifeng, { ticket, pin: '12345' }), 400, 'VALIDATION_FAILED')
  })

  it('refuses a person who is not the registered legal representative', async () => {
    const ticket = await faceTicket(app, rep, 'claim-seal', STRANGER)
    expectError(await claim(rep, ruifeng, { ticket, pin: '135790' }), 403, 'NOT_LEGAL_REPRESENTATIVE')
  })

  it('refuses a ticket of another purpose', async () => {
    const ticket = await faceTicket(app, rep, 'login')
    expectError(await claim(rep, ruifeng, { ticket, pin: '135790' }), 403, 'FACE_TICKET_INVALID')
  })

  it('refuses a user not linked to the enterprise', async () => {
    const stranger = await sandboxUser(app, '13900001111')
    const ticket = await faceTicket(app, stranger, 'claim-seal')
    expectError(await claim(stranger, ruifeng, { ticket, pin: '135790' }), 403, 'ENTERPRISE_FORBIDDEN')
  })

  it('gives the verified legal representative the four seals, each with its own SM2 key', async () => {
    const response = await claimedSet()
    expect(response.statusCode).toBe(201)
    const seals = response.json().seals as Array<Record<string, string>>
    expect(seals.map((s) => [s.type, s.typeLabel, s.name])).toEqual([
      ['official', '企业公章', RUIFENG],
      ['finance', '财务专用章', `${RUIFENG}财务专用章`],
      ['contract', '合同专用章', `${RUIFENG}合同专用章`],
      ['legal_representative', '法定代表人名章', '张建国印'],
    ])
    for (const seal of seals) {
      expect(seal).toMatchObject({
        status: 'valid',
        holderUscc: expect.stringMatching(/^91411002/),
        signatureAlgorithm: '1.2.156.10197.1.501',
      })
      expect(parseSm2PublicKeyPem(seal.publicKeyPem)).toMatch(/^04[0-9a-f]{128}$/)
      expect(seal.imageSvg).toMatch(/^<svg /)
      const years = (Date.parse(seal.validTo) - Date.parse(seal.validFrom)) / (365.25 * 86_400_000)
      expect(Math.round(years)).toBe(3)
    }
    expect(new Set(seals.map((s) => s.publicKeyPem)).size).toBe(4)
    expect(seals[0].imageSvg).toContain('<polygon')
    expect(seals[3].imageSvg).toContain('<rect')

    // Claiming again, even with a fresh face ticket, is refused.
    const again = await faceTicket(app, rep, 'claim-seal')
    expectError(await claim(rep, ruifeng, { ticket: again, pin: '135790' }), 409, 'SEALS_ALREADY_CLAIMED')

    // The claim is in the audit.
    const audit = await call({ method: 'GET', url: `/api/v1/enterprises/${ruifeng}/seal-audit`, headers: rep })
    expect(audit.json().items[0]).toMatchObject({ action: 'claim', actor: { nameMasked: '张*国' } })
  })

  it('stores private keys only sealed, and opens them only under their own seal', async () => {
    expect((await claimedSet()).statusCode).toBe(201)
    const { rows } = await testDb.db.query<{ id: string; public_key_hex: string; private_key_sealed: string }>(
      'select id, public_key_hex, private_key_sealed from seals where enterprise_id = $1',
      [ruifeng],
    )
    expect(rows).toHaveLength(4)
    for (const row of rows) {
      expect(row.private_key_sealed).toMatch(/^v1\./)
      const keys = openStoredKeyPair(app.signing.vault, sealOwner(row.id), {
        publicKeyHex: row.public_key_hex,
        privateKeySealed: row.private_key_sealed,
      })
      expect(keys.privateKeyHex).toMatch(/^[0-9a-f]{64}$/)
    }
    expect(() =>
      openStoredKeyPair(app.signing.vault, sealOwner(rows[1].id), {
        publicKeyHex: rows[0].public_key_hex,
        privateKeySealed: rows[0].private_key_sealed,
      }),
    ).toThrow()
  })

  it('shows the legal representative every seal; a linked agent without a grant sees none', async () => {
    expect((await claimedSet()).statusCode).toBe(201)
    const mine = await call({ method: 'GET', url: `/api/v1/enterprises/${ruifeng}/seals`, headers: rep })
    expect(mine.json()).toMatchObject({ claimed: true, canManage: true })
    expect(mine.json().seals).toHaveLength(4)

    const jianfeng = await enterpriseIdByName(testDb.db, JIANFENG)
    const agent = await sandboxUser(app, DEMO.agent)
    const theirs = await call({ method: 'GET', url: `/api/v1/enterprises/${jianfeng}/seals`, headers: agent })
    expect(theirs.json()).toEqual({ seals: [], claimed: false, canManage: false })
    const audit = await call({ method: 'GET', url: `/api/v1/enterprises/${jianfeng}/seal-audit`, headers: agent })
    expectError(audit, 403, 'ENTERPRISE_FORBIDDEN')
    expect(audit.json().message).toBe('仅企业法定代表人可以查看用章记录')
  })
})

describe('personal signatures', () => {
  const claimSignature = (auth: { authorization: string }, body: Record<string, unknown>) =>
    call({ method: 'POST', url: '/api/v1/signatures/claim', headers: auth, payload: body })

  it('refuses strokes that are not a signature, keeping the face ticket usable', async () => {
    const handler = await sandboxUser(app, DEMO.handler)
    const ticket = await faceTicket(app, handler, 'claim-signature', STRANGER)
    const tap = await claimSignature(handler, {
      ticket,
      pin: '246801',
      image: {
        kind: 'drawn',
        strokes: [
          [
            [1, 1],
            [2, 2],
          ],
        ],
      },
    })
    expectError(tap, 400, 'SIGNATURE_IMAGE_INVALID')
    expect(tap.json().message).toContain('签名太小')
    const outside = await claimSignature(handler, {
      ticket,
      pin: '246801',
      image: {
        kind: 'drawn',
        strokes: [
          [
            [-5, 1],
            [200, 2],
          ],
        ],
      },
    })
    expectError(outside, 400, 'SIGNATURE_IMAGE_INVALID')
    const ok = await claimSignature(handler, {
      ticket,
      pin: '246801',
      image: {
        kind: 'drawn',
        strokes: [
          [
            [10, 10],
            [120, 80],
            [240, 30],
          ],
          [
            [50, 90],
            [60, 100],
          ],
        ],
      },
    })
    expect(ok.statusCode).toBe(201)
    expect(ok.json()).toMatchObject({
      holderName: '赵六',
      idNumberMasked: '1101**********002X',
      imageKind: 'drawn',
      status: 'valid',
    })
    expect(ok.json().imageSvg).toContain('<path d="M')

    const mine = await call({ method: 'GET', url: '/api/v1/signatures/mine', headers: handler })
    expect(mine.json().signature.id).toBe(ok.json().id)
    const again = await faceTicket(app, handler, 'claim-signature', STRANGER)
    expectError(
      await claimSignature(handler, { ticket: again, pin: '246801', image: { kind: 'name' } }),
      409,
      'SIGNATURE_ALREADY_CLAIMED',
    )
  })

  it('renders the verified name when asked, and answers null before a claim', async () => {
    const user = await sandboxUser(app, '13900002222')
    expect((await call({ method: 'GET', url: '/api/v1/signatures/mine', headers: user })).json()).toEqual({
      signature: null,
    })
    const ticket = await faceTicket(app, user, 'claim-signature', ZHANG)
    const created = await claimSignature(user, { ticket, pin: '802413', image: { kind: 'name' } })
    expect(created.statusCode).toBe(201)
    expect(created.json().imageSvg).toContain('>张建国</text>')
    const { rows } = await testDb.db.query<{ id: string; public_key_hex: string; private_key_sealed: string }>(
      'select id, public_key_hex, private_key_sealed from personal_signatures where id = $1',
      [created.json().id],
    )
    expect(
      openStoredKeyPair(app.signing.vault, signatureOwner(rows[0].id), {
        publicKeyHex: rows[0].public_key_hex,
        privateKeySealed: rows[0].private_key_sealed,
      }).privateKeyHex,
    ).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('no private key in any response', () => {
  it('holds for every response of this suite', async () => {
    // Run alone, it still has keys to look for and answers to look in.
    expect((await claimedSet()).statusCode).toBe(201)
    await call({ method: 'GET', url: `/api/v1/enterprises/${ruifeng}/seals`, headers: rep })
    await call({ method: 'GET', url: '/api/v1/signatures/mine', headers: rep })
    const secrets: string[] = []
    for (const table of ['seals', 'personal_signatures']) {
      const { rows } = await testDb.db.query<{ id: string; public_key_hex: string; private_key_sealed: string }>(
        `select id, public_key_hex, private_key_sealed from ${table}`,
      )
      for (const row of rows) {
        const owner = table === 'seals' ? sealOwner(row.id) : signatureOwner(row.id)
        const keys = openStoredKeyPair(app.signing.vault, owner, {
          publicKeyHex: row.public_key_hex,
          privateKeySealed: row.private_key_sealed,
        })
        secrets.push(
          keys.privateKeyHex,
          keys.privateKeyHex.toUpperCase(),
          Buffer.from(keys.privateKeyHex, 'hex').toString('base64'),
          row.private_key_sealed,
        )
      }
    }
    expect(secrets.length).toBeGreaterThanOrEqual(4 * 4)
    expect(responses.length).toBeGreaterThanOrEqual(3)
    for (const response of responses) {
      expect(response.body).not.toMatch(/PRIVATE/i)
      for (const secret of secrets) expect(response.body).not.toContain(secret)
    }
  })
})
