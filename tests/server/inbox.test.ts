import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { InboxPage } from '../../src/contract/account/schemas'
import { bearer, expectError, loginSandbox, openTestDb, type TestDb } from './helpers'
import { appAt, makeUser } from './licences-kit'

let testDb: TestDb
let app: FastifyInstance
let aliceToken: string
let bobToken: string
let bobMessageId: string

const get = (url: string, token: string) => app.inject({ url: `/api/v1${url}`, headers: bearer(token) })
const post = (url: string, token: string) =>
  app.inject({ method: 'POST', url: `/api/v1${url}`, headers: bearer(token) })

async function addMessages(userId: string, count: number, prefix: string): Promise<string[]> {
  const ids: string[] = []
  for (let i = 1; i <= count; i++) {
    const id = randomUUID()
    ids.push(id)
    // Several share one created_at, as a reminder run's messages do: order must not depend on it.
    await testDb.db.query(
      `insert into inbox_messages (id, user_id, kind, title, body, licence_id, created_at)
       values ($1, $2, 'licence-reminder', $3, '正文', $4, '2026-03-10T00:30:00Z')`,
      [id, userId, `${prefix}${i}`, i % 2 ? randomUUID() : null],
    )
  }
  return ids
}

beforeAll(async () => {
  testDb = await openTestDb({ seed: false })
  app = await appAt(testDb.db, '2026-03-10')
  const alice = await makeUser(testDb.db, { phone: '13900000101' })
  const bob = await makeUser(testDb.db, { phone: '13900000102' })
  await addMessages(alice, 45, 'A')
  bobMessageId = (await addMessages(bob, 3, 'B'))[0]
  aliceToken = (await loginSandbox(app, '13900000101')).token
  bobToken = (await loginSandbox(app, '13900000102')).token
})
afterAll(async () => {
  await app.close()
  await testDb.close()
})

describe('the inbox', () => {
  // Every test starts with all messages unread (some tests read one, or all).
  beforeEach(async () => {
    await testDb.db.query('update inbox_messages set read_at = null')
  })

  it('pages newest first, 20 at a time, with the unread count, and only the caller’s messages', async () => {
    const titles: string[] = []
    let cursor: string | null = null
    const pages: InboxPage[] = []
    do {
      const response = await get(`/inbox${cursor ? `?before=${cursor}` : ''}`, aliceToken)
      expect(response.statusCode).toBe(200)
      const page: InboxPage = response.json()
      pages.push(page)
      titles.push(...page.items.map((item) => item.title))
      cursor = page.nextCursor
    } while (cursor)
    expect(pages.map((page) => page.items.length)).toEqual([20, 20, 5])
    expect(pages.every((page) => page.unread === 45)).toBe(true)
    expect(titles).toEqual(Array.from({ length: 45 }, (_, i) => `A${45 - i}`))
    const first = pages[0].items[0]
    expect(first).toMatchObject({ kind: 'licence-reminder', enterpriseId: null, readAt: null })
    expect(first.link).toEqual({ kind: 'licence', licenceId: expect.any(String) })
    expect(pages[0].items[1].link).toEqual({ kind: 'none' })
  })

  it('marks one message read, idempotently', async () => {
    const page: InboxPage = (await get('/inbox', aliceToken)).json()
    const id = page.items[3].id
    expect((await post(`/inbox/${id}/read`, aliceToken)).statusCode).toBe(204)
    const after: InboxPage = (await get('/inbox', aliceToken)).json()
    expect(after.unread).toBe(44)
    const readAt = after.items[3].readAt
    expect(readAt).toEqual(expect.any(String))
    await post(`/inbox/${id}/read`, aliceToken)
    const again: InboxPage = (await get('/inbox', aliceToken)).json()
    expect([again.unread, again.items[3].readAt]).toEqual([44, readAt])
  })

  it("cannot touch someone else's message: 404, and it stays unread", async () => {
    expectError(await post(`/inbox/${bobMessageId}/read`, aliceToken), 404, 'NOT_FOUND')
    expectError(await post(`/inbox/${randomUUID()}/read`, aliceToken), 404, 'NOT_FOUND')
    expect(((await get('/inbox', bobToken)).json() as InboxPage).unread).toBe(3)
  })

  it("marks all the caller's messages read, and nobody else's", async () => {
    expect((await post('/inbox/read-all', aliceToken)).statusCode).toBe(204)
    expect(((await get('/inbox', aliceToken)).json() as InboxPage).unread).toBe(0)
    expect(((await get('/inbox', bobToken)).json() as InboxPage).unread).toBe(3)
  })

  it('rejects a malformed cursor or id, and callers without a session', async () => {
    expectError(await get('/inbox?before=abc', aliceToken), 400, 'VALIDATION_FAILED')
    expectError(await get('/inbox?page=2', aliceToken), 400, 'VALIDATION_FAILED')
    expectError(await post('/inbox/123/read', aliceToken), 400, 'VALIDATION_FAILED')
    expectError(await app.inject({ url: '/api/v1/inbox' }), 401, 'UNAUTHORIZED')
  })
})
