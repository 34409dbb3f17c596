import { openTestDb, type TestDb } from './helpers'

/**
 * 验章 by the DER file alone looks our record up by the seal (or personal signature) the file
 * names and its signing time (server/capabilities/esign/signing/verification-der.ts). It is public: the lookup must
 * use an index, not read every signature record. With sequential scans priced out, the planner
 * shows whether an index can serve the query at all (on a table this small it would otherwise
 * always scan).
 */

let testDb: TestDb

beforeAll(async () => {
  testDb = await openTestDb({ seed: false })
})
afterAll(() => testDb.close())

test('the lookup of 验章 by signature file is served by indexes on (seal, time) and (personal signature, time)', async () => {
  const plan = await testDb.db.transaction(async (tx) => {
    await tx.query('set local enable_seqscan = off')
    const { rows } = await tx.query<{ 'QUERY PLAN': string }>(
      `explain select r.id from signature_records r
       where (r.seal_id = $1 or r.personal_signature_id = $1) and r.signed_at = $2 and r.ses_signature = $3`,
      ['0f8e6a52-1c7b-4d0e-9b3a-2f1e4c5d6a7b', new Date('2026-03-10T01:00:00Z'), 'MA=='],
    )
    return rows.map((row) => row['QUERY PLAN']).join('\n')
  })
  expect(plan).toMatch(/Index Scan on signature_records_(seal|personal)_signed_idx/)
  expect(plan).not.toMatch(/Seq Scan on signature_records/)
})
