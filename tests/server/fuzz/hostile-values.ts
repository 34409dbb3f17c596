import fc from 'fast-check'

/**
 * Values a client (or an attacker) can send that the database or the date code cannot take as
 * they are: the raw material of the OpenAPI fuzz (openapi-fuzz.test.ts, bench/fuzz.ts).
 */

const someText = fc.string({ maxLength: 6 })

export const nulText = fc
  .tuple(someText, someText)
  .chain(([a, b]) => fc.constantFrom(`${a}\u0000${b}`, '\u0000', `${a}\u0000`))

export const loneSurrogate = fc.constantFrom('\ud800', 'a\udc00b', '\udbff', 'x\ud83d', '\udc00\ud800', '长\ude00')

export const hugeText = fc.constantFrom('x'.repeat(100_000), '长'.repeat(40_000), `${'9'.repeat(5000)}`)

/** Calendar dates that do not exist, are out of range, or are not in the 'YYYY-MM-DD' form. */
export const badDate = fc.constantFrom(
  '2026-02-30',
  '2026-02-29',
  '2025-13-01',
  '2026-00-10',
  '2026-04-31',
  '1900-02-29',
  '0000-01-01',
  '0001-01-01',
  '1000-01-01',
  '9999-12-31',
  '+275760-09-13',
  '-000001-01-01',
  '2026-1-1',
  '20260101',
  '2026-09-01T00:00:00Z',
  '2026/09/01',
)

export const badInstant = fc.constantFrom(
  '9999-12-31T23:59:59.999Z',
  '2026-02-30T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '2026-09-01T25:00:00Z',
  '2026-09-01T10:00:00+15:00',
  '1969-12-31T23:59:59Z',
  '2026-09-01',
  '275760-09-13T00:00:00Z',
)

/** Strings a uuid check may let through that a uuid column refuses, and well-formed strangers. */
export const badUuid = fc.constantFrom(
  'urn:uuid:a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
  '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}',
  'a0eebc999c0b4ef8bb6d6bb9bd380a11',
  'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1',
  'not-a-uuid',
  '1',
)

export const oddText = fc.constantFrom(
  '',
  ' ',
  '　',
  "'; drop table users; --",
  '%',
  '_',
  '\\',
  '../../etc/passwd',
  '\u2028\u2029',
  '\u202eabc',
  '👨‍👩‍👧‍👦',
  '\ufeff',
  '\uffff',
  'null',
  'true',
  '-1',
  '1e309',
  '99999999999999999999',
  '0x10',
  'NaN',
)

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  nulText,
  loneSurrogate,
  hugeText,
  badDate,
  badInstant,
  badUuid,
  oddText,
)

export const oddNumber = fc.constantFrom(
  -1,
  0,
  -0,
  0.5,
  -2_147_483_649,
  2_147_483_648,
  Number.MAX_SAFE_INTEGER + 2,
  1e21,
  1e308,
  -1e308,
  5e-324,
)

/** A value of a JSON type other than the one asked for (or of any type when none is known). */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  oddNumber,
  fc.integer(),
  hostileText,
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.oneof(fc.integer(), someText), { maxLength: 3 }),
  fc.dictionary(someText, fc.oneof(fc.integer(), someText), { maxKeys: 3 }),
)
