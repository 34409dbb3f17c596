import type { FastifyInstance } from 'fastify'
import { createHash } from 'node:crypto'
import { bearer, countRows, DEMO, expectError, openTestDb, type TestDb } from './helpers'
import { complaintsApp, freshKey, submit, userToken, VALID_INPUT } from './complaints-kit'
import type { ComplaintView } from '../../src/contract/complaints/schemas'

// The department or enterprise concerned, a place typed as text, and an anonymous query code
// that an idempotent replay of the submission answers with again.

let testDb: TestDb
let app: FastifyInstance
let rep: string
let other: string

beforeAll(async () => {
  testDb = await openTestDb()
  app = (await complaintsApp(testDb.db)).app
  rep = await userToken(app, DEMO.rep)
  other = await userToken(app, DEMO.agent)
})

afterAll(async () => {
  await app.close()
  await testDb.close()
})

const ANONYMOUS = { ...VALID_INPUT, anonymous: true, contactPhone: null }

function byCode(code: string, token = other) {
  return app.inject({ method: 'GET', url: `/api/v1/complaints/by-code/${code}`, headers: bearer(token) })
}

describe('the department or enterprise concerned', () => {
  it('is stored trimmed and shown on the case', async () => {
    const response = await submit(app, rep, { ...VALID_INPUT, concernedParty: '  许昌市魏都区市场监督管理局 ' })
    expect(response.statusCode).toBe(201)
    const view = response.json<ComplaintView>()
    expect(view.concernedParty).toBe('许昌市魏都区市场监督管理局')
    // Not folded into the description.
    expect(view.description).toBe(VALID_INPUT.description)
    const again = await app.inject({ method: 'GET', url: `/api/v1/complaints/${view.id}`, headers: bearer(rep) })
    expect(again.json<ComplaintView>().concernedParty).toBe('许昌市魏都区市场监督管理局')
  })

  it('is optional: absent, null or blank is none', async () => {
    for (const concernedParty of [undefined, null, '   ']) {
      const response = await submit(app, rep, { ...VALID_INPUT, concernedParty })
      expect(response.statusCode).toBe(201)
      expect(response.json<ComplaintView>().concernedParty).toBeNull()
    }
  })

  it('takes 100 characters and refuses 101 with a field message, writing nothing', async () => {
    expect((await submit(app, rep, { ...VALID_INPUT, concernedParty: '局'.repeat(100) })).statusCode).toBe(201)
    const before = await countRows(testDb.db, 'complaints')
    const response = await submit(app, rep, { ...VALID_INPUT, concernedParty: '局'.repeat(101) })
    expectError(response, 400, 'VALIDATION_FAILED')
    expect(response.json<{ details: { field: string; message: string }[] }>().details).toEqual([
      { field: 'concernedParty', message: '涉及部门或企业不能超过 100 个字' },
    ])
    expectError(await submit(app, rep, { ...VALID_INPUT, concernedParty: 12 }), 400, 'VALIDATION_FAILED')
    expect(await countRows(testDb.db, 'complaints')).toBe(before)
  })
})

describe('a place typed as text', () => {
  it('is accepted without coordinates and shown with null ones', async () => {
    for (const location of [
      { address: ' 许昌市魏都区七一路 12 号 ' },
      { latitude: null, longitude: null, address: '许昌市魏都区七一路 12 号' },
    ]) {
      const response = await submit(app, rep, { ...VALID_INPUT, location })
      expect(response.statusCode).toBe(201)
      expect(response.json<ComplaintView>().location).toEqual({
        latitude: null,
        longitude: null,
        address: '许昌市魏都区七一路 12 号',
      })
    }
  })

  it('keeps a map point as it was', async () => {
    const response = await submit(app, rep, VALID_INPUT)
    expect(response.json<ComplaintView>().location).toEqual(VALID_INPUT.location)
  })

  it('refuses a blank address, one coordinate alone, and an address too long', async () => {
    const before = await countRows(testDb.db, 'complaints')
    const cases: [unknown, string][] = [
      [{ address: '  ' }, '请填写详细地址'],
      [{ latitude: 34.03, address: '七一路' }, '定位信息不完整，请重新选择位置'],
      [{ latitude: null, longitude: 113.85, address: '七一路' }, '定位信息不完整，请重新选择位置'],
      [{ address: '路'.repeat(101) }, '地址不能超过 100 个字'],
    ]
    for (const [location, message] of cases) {
      const response = await submit(app, rep, { ...VALID_INPUT, location })
      expectError(response, 400, 'VALIDATION_FAILED')
      expect(response.json<{ details: unknown[] }>().details).toEqual([{ field: 'location', message }])
    }
    expectError(await submit(app, rep, { ...VALID_INPUT, location: { latitude: 34 } }), 400, 'VALIDATION_FAILED')
    expect(await countRows(testDb.db, 'complaints')).toBe(before)
  })
})

describe("an anonymous case's query code after a lost answer", () => {
  it('is answered again to a replay with the same key, and finds the case', async () => {
    const key = freshKey()
    const first = await submit(app, rep, ANONYMOUS, key)
    expect(first.statusCode).toBe(201)
    const { id, queryCode } = first.json<ComplaintView>()
    expect(queryCode).toMatch(/^[2-9A-HJ-NP-Z]{10}$/)

    // The first answer never arrived; the app sends the same submission again.
    const replay = await submit(app, rep, ANONYMOUS, key)
    expect(replay.statusCode).toBe(200)
    expect(replay.json<ComplaintView>()).toMatchObject({ id, queryCode })
    expect(await countRows(testDb.db, `complaints where id = '${id}'`)).toBe(1)

    const found = await byCode(replay.json<ComplaintView>().queryCode!)
    expect(found.statusCode).toBe(200)
    expect(found.json<ComplaintView>()).toMatchObject({ id, anonymous: true })
    expect(found.json<ComplaintView>().queryCode).toBeUndefined()
    // Viewing the case is not a replay: no code.
    const viewed = await app.inject({ method: 'GET', url: `/api/v1/complaints/${id}`, headers: bearer(rep) })
    expect(viewed.json<ComplaintView>().queryCode).toBeUndefined()
  })

  it('is the same code for every one of concurrent retries', async () => {
    const key = freshKey()
    const responses = await Promise.all(Array.from({ length: 10 }, () => submit(app, rep, ANONYMOUS, key)))
    expect(responses.map((response) => response.statusCode).sort()).toEqual([...Array(9).fill(200), 201])
    const codes = new Set(responses.map((response) => response.json<ComplaintView>().queryCode))
    expect(codes.size).toBe(1)
    expect([...codes][0]).toMatch(/^[2-9A-HJ-NP-Z]{10}$/)
  })

  it('differs between cases, and a real-name replay has none', async () => {
    const a = (await submit(app, rep, ANONYMOUS)).json<ComplaintView>().queryCode
    const b = (await submit(app, rep, ANONYMOUS)).json<ComplaintView>().queryCode
    expect(a).not.toBe(b)
    const key = freshKey()
    expect((await submit(app, rep, VALID_INPUT, key)).statusCode).toBe(201)
    const replay = await submit(app, rep, VALID_INPUT, key)
    expect(replay.statusCode).toBe(200)
    expect(replay.json<ComplaintView>().queryCode).toBeUndefined()
  })

  it('is not made up for a case whose stored hash is of another code', async () => {
    const key = freshKey()
    const { id } = (await submit(app, rep, ANONYMOUS, key)).json<ComplaintView>()
    const otherHash = createHash('sha256').update('complaint-query-code:2222222222').digest('hex')
    await testDb.db.query('update complaints set query_code_hash = $2 where id = $1', [id, otherHash])
    const replay = await submit(app, rep, ANONYMOUS, key)
    expect(replay.statusCode).toBe(200)
    expect(replay.json<ComplaintView>()).toMatchObject({ id })
    expect(replay.json<ComplaintView>().queryCode).toBeUndefined()
  })
})
