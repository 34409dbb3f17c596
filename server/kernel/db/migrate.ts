import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Db } from './db'

/**
 * Migrations are the files `NNN_name.sql` in ./migrations, applied in name order, each once.
 * To change the schema, append a new file; never edit one that has shipped.
 */
export const MIGRATIONS_DIR = join(__dirname, 'migrations')

export interface Migration {
  version: string
  sql: string
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ version: file.replace(/\.sql$/, ''), sql: readFileSync(join(dir, file), 'utf8') }))
}

// Arbitrary constant so two server instances starting together do not migrate at once.
const MIGRATION_LOCK_KEY = 7_300_215

/**
 * Applies pending migrations in one transaction; returns the versions applied. The lock comes
 * first: two instances starting on an empty database would otherwise both create
 * schema_migrations, and one fails (CREATE TABLE IF NOT EXISTS is not safe against a concurrent one).
 */
export async function migrate(db: Db, migrations = loadMigrations()): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY])
    // Deferred triggers (023's feed stamps) fire at each statement's end here: with events pending
    // to commit, a later migration's ALTER TABLE of a table it just updated would be refused.
    await tx.query('set constraints all immediate')
    await tx.exec(`create table if not exists schema_migrations (
      version text primary key,
      applied_at timestamptz not null default now()
    )`)
    const { rows } = await tx.query<{ version: string }>('select version from schema_migrations')
    const applied = new Set(rows.map((row) => row.version))
    const pending = migrations.filter((migration) => !applied.has(migration.version))
    for (const migration of pending) {
      await tx.exec(migration.sql)
      await tx.query('insert into schema_migrations (version) values ($1)', [migration.version])
    }
    return pending.map((migration) => migration.version)
  })
}
