import { checkIdNumber } from '../../src/domain/idcard'
import { checkUscc } from '../../src/domain/uscc'
import { loadMigrations, migrate } from '../../server/kernel/db/migrate'
import {
  DEMO_ENTERPRISES,
  DEMO_PHONES,
  demoIdNumber,
  demoUscc,
  orgCodeCheckCharacter,
  seedDemoData,
} from '../../server/seed/demo'
import { seedDemoOnStart } from '../../server/seed/demo-start'
import { idNumberHash } from '../../server/kernel/secrets/secrets'
import { countRows, openTestDb, type TestDb } from './helpers'

let testDb: TestDb

beforeAll(async () => {
  testDb = await openTestDb({ seed: false })
})
afterAll(() => testDb.close())

describe('migrations', () => {
  it('are numbered files applied once and recorded', async () => {
    const migrations = loadMigrations()
    expect(migrations.map((m) => m.version)[0]).toBe('001_foundation')
    expect(await migrate(testDb.db)).toEqual([])
    const { rows } = await testDb.db.query<{ version: string }>(
      'select version from schema_migrations order by version',
    )
    expect(rows.map((row) => row.version)).toEqual(migrations.map((m) => m.version))
  })

  it('roll back entirely when one fails', async () => {
    const broken = [
      { version: '900_ok', sql: 'create table migration_probe (id int)' },
      { version: '901_broken', sql: 'create table nope (' },
    ]
    await expect(migrate(testDb.db, broken)).rejects.toThrow()
    const { rows } = await testDb.db.query(
      "select 1 from information_schema.tables where table_name = 'migration_probe'",
    )
    expect(rows).toEqual([])
    expect(await countRows(testDb.db, "schema_migrations where version like '9%'")).toBe(0)
  })
})

describe('demo seed', () => {
  // Each test on a database of its own: whether the seed ran is what these tests are about.
  let seedDb: TestDb
  beforeEach(async () => {
    seedDb = await openTestDb({ seed: false })
  })
  afterEach(() => seedDb.close())

  it('is not seeded at start-up without the sandbox', async () => {
    expect(await seedDemoOnStart(seedDb.db, { sandbox: false }, 'unused-secret')).toBe('off')
    expect(await countRows(seedDb.db, 'users')).toBe(0)
    expect(await countRows(seedDb.db, 'enterprises')).toBe(0)
  })

  it('seeds once, then does nothing', async () => {
    expect(await seedDemoData(seedDb.db)).toBe(true)
    const counts = [
      await countRows(seedDb.db, 'users'),
      await countRows(seedDb.db, 'enterprises'),
      await countRows(seedDb.db, 'user_enterprises'),
    ]
    expect(counts).toEqual([3, DEMO_ENTERPRISES.length, 7])
    expect(await seedDemoData(seedDb.db)).toBe(false)
    expect(await countRows(seedDb.db, 'users')).toBe(3)
  })

  it('uses valid USCCs and a valid ID number', async () => {
    await seedDemoData(seedDb.db)
    for (const enterprise of DEMO_ENTERPRISES)
      expect(checkUscc(demoUscc(enterprise))).toEqual({ ok: true, uscc: demoUscc(enterprise) })
    const { rows } = await seedDb.db.query<{ id_number: string }>('select id_number from users where phone = $1', [
      '13800000001',
    ])
    expect(checkIdNumber(rows[0].id_number, '2026-01-01')).toMatchObject({
      ok: true,
      birthDate: '1978-03-15',
      sex: 'M',
    })
    expect(demoIdNumber('41100219780315037')).toBe(rows[0].id_number)
  })

  it('with the sandbox on, keys the demo legal representative with the configured ID_HASH_SECRET', async () => {
    const secret = 'configured-id-hash-secret-0123456789'
    expect(['seeded', 'present']).toContain(await seedDemoOnStart(seedDb.db, { sandbox: true }, secret))
    const { rows } = await seedDb.db.query<{ hash: string }>(
      'select distinct legal_representative_id_hash as hash from enterprises where legal_representative = $1',
      ['张建国'],
    )
    expect(rows).toEqual([{ hash: idNumberHash(secret, demoIdNumber('41100219780315037')) }])
  })

  it('computes GB 11714 organisation code check characters', () => {
    // Worked example from GB 11714-1997: D2143569 → check character X.
    expect(orgCodeCheckCharacter('D2143569')).toBe('X')
  })

  it('exports the demo phones for the README', () => {
    expect(DEMO_PHONES.map((p) => p.phone)).toEqual(['13800000001', '13800000002', '13800000003'])
  })
})
