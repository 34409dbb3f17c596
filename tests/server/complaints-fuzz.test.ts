import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'
import { countRows, DEMO, openTestDb, type TestDb } from './helpers'
import { complaintsApp, submit, userToken, VALID_INPUT } from './complaints-kit'

let testDb: TestDb
let app: FastifyInstance
let token: string

beforeAll(async () => {
  testDb = await openTestDb()
  app = (await complaintsApp(testDb.db)).app
  token = await userToken(app, DEMO.rep)
})

afterAll(async () => {
  await app.close()
  await testDb.close()
})

const FIELDS = [
  'category',
  'title',
  'description',
  'anonymous',
  'contactPhone',
  'location',
  'concernedParty',
  'attachmentIds',
] as const

/** A valid submission with exactly one thing broken, so every payload must be refused. */
const corrupted: fc.Arbitrary<unknown> = fc.oneof(
  // Not an object at all, or an object with nothing right.
  fc
    .oneof(fc.jsonValue(), fc.array(fc.anything()), fc.string(), fc.integer())
    .filter((value) => typeof value !== 'object' || value === null || Array.isArray(value) || !('title' in value)),
  // A required field missing.
  fc.constantFrom('category', 'title', 'description', 'anonymous').map((field) => {
    const copy: Record<string, unknown> = { ...VALID_INPUT }
    delete copy[field]
    return copy
  }),
  // A field of the wrong type.
  fc
    .tuple(
      fc.constantFrom(...FIELDS),
      fc.oneof(fc.integer(), fc.boolean(), fc.constant({}), fc.array(fc.integer(), { minLength: 1 }), fc.double()),
    )
    // NaN and ±Infinity travel as JSON null, which optional fields (location, concernedParty) accept.
    .filter(([field, value]) => !(field === 'anonymous' && typeof value === 'boolean'))
    .filter(([, value]) => typeof value !== 'number' || Number.isFinite(value))
    .map(([field, value]) => ({ ...VALID_INPUT, [field]: value })),
  // Text too short (after trimming) or too long.
  fc
    .tuple(fc.constantFrom('title', 'description'), fc.string({ maxLength: 3 }), fc.nat({ max: 2 }))
    .map(([field, short, kind]) => ({
      ...VALID_INPUT,
      [field]: kind === 0 ? short : kind === 1 ? `  ${short.trim().slice(0, 3)}  ` : '长'.repeat(1001),
    })),
  // An unknown category.
  fc
    .string({ maxLength: 40 })
    .filter((code) => !['enquiry', 'help', 'complaint', 'suggestion', 'urgent'].includes(code))
    .map((category) => ({ ...VALID_INPUT, category })),
  // A phone that is no mainland mobile, or any phone on an anonymous case.
  fc
    .string({ maxLength: 20 })
    .filter((phone) => !/^(\+?86)?1[3-9]\d{9}$/.test(phone.replace(/[\s-]/g, '')))
    .map((contactPhone) => ({ ...VALID_INPUT, contactPhone })),
  fc.constant({ ...VALID_INPUT, anonymous: true }),
  // A location outside China or without an address.
  fc
    .tuple(fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }))
    .filter(([lat, lng]) => !(lat >= 3.8 && lat <= 53.6 && lng >= 73.5 && lng <= 135.1))
    .map(([latitude, longitude]) => ({ ...VALID_INPUT, location: { latitude, longitude, address: '某地' } })),
  fc.constant({ ...VALID_INPUT, location: { ...VALID_INPUT.location, address: '   ' } }),
  // A place typed as text that is blank or too long, or a map point missing one coordinate.
  fc
    .oneof(
      fc.constantFrom('', ' ', '\t\n　'),
      fc.integer({ min: 101, max: 300 }).map((n) => '路'.repeat(n)),
    )
    .map((address) => ({ ...VALID_INPUT, location: { address } })),
  fc
    .tuple(fc.constantFrom('latitude', 'longitude'), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean())
    .map(([field, value, withNull]) => {
      const other = field === 'latitude' ? 'longitude' : 'latitude'
      return { ...VALID_INPUT, location: { address: '七一路', [field]: value, ...(withNull ? { [other]: null } : {}) } }
    }),
  // The department or enterprise concerned, over 100 characters (code points).
  fc
    .string({ minLength: 101, maxLength: 400, unit: 'grapheme' })
    .filter((text) => Array.from(text.trim()).length > 100)
    .map((concernedParty) => ({ ...VALID_INPUT, concernedParty })),
  // Photos that do not exist, too many, or not ids.
  fc.uuid().map((id) => ({ ...VALID_INPUT, attachmentIds: [id] })),
  fc.array(fc.uuid(), { minLength: 10, maxLength: 12 }).map((attachmentIds) => ({ ...VALID_INPUT, attachmentIds })),
  fc.string().map((id) => ({ ...VALID_INPUT, attachmentIds: [id] })),
  // A property the API does not know.
  fc
    .string({ minLength: 1, maxLength: 10 })
    .filter((key) => !(FIELDS as readonly string[]).includes(key) && key !== '__proto__')
    .map((key) => ({ ...VALID_INPUT, [key]: 1 })),
)

describe('malformed submissions', () => {
  it('refuses 1,000 random malformed payloads with a 4xx and writes nothing', async () => {
    const tables = ['complaints', 'complaint_timeline', 'complaint_attachments', 'idempotency_keys']
    const before = await Promise.all(tables.map((table) => countRows(testDb.db, table)))
    await fc.assert(
      fc.asyncProperty(corrupted, async (payload) => {
        const response = await submit(app, token, payload)
        expect(response.statusCode).toBeGreaterThanOrEqual(400)
        expect(response.statusCode).toBeLessThan(500)
        expect(typeof response.json().code).toBe('string')
      }),
      { numRuns: 1000 },
    )
    expect(await Promise.all(tables.map((table) => countRows(testDb.db, table)))).toEqual(before)
  }, 120_000)
})
