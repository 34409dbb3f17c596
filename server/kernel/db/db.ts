import { openPglite } from './pglite'
import { openPostgres } from './postgres'
import type { Db } from './types'

// The query interface lives in ./types so the engines implement it without importing this file
// (which imports them): re-exported here for everything else.
export type { Db, Queryable } from './types'

export interface OpenDbOptions {
  /** PostgreSQL connection string; when set, PostgreSQL is used. */
  databaseUrl?: string
  /** PGlite data directory, or 'memory://' for a throwaway in-memory database. */
  dataDir?: string
  /** PostgreSQL only: schema to put first on the search_path (tests use a fresh one each). */
  searchPath?: string
}

export const DEFAULT_PGLITE_DIR = '.data/pglite'

export async function openDb(options: OpenDbOptions = {}): Promise<Db> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.searchPath)
  return openPglite(options.dataDir ?? DEFAULT_PGLITE_DIR)
}
