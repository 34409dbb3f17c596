import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import type { Db, Queryable } from './db'

function wrap(conn: Pick<PGlite, 'query' | 'exec'>): Queryable {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await conn.query<T>(sql, params)
      return { rows: result.rows }
    },
    async exec(sql: string) {
      await conn.exec(sql)
    },
  }
}

export async function openPglite(dataDir: string): Promise<Db> {
  const inMemory = dataDir === 'memory://' || dataDir === ''
  if (!inMemory) mkdirSync(dataDir, { recursive: true })
  const pglite = await PGlite.create(inMemory ? undefined : dataDir)
  return {
    kind: 'pglite',
    ...wrap(pglite),
    transaction: (fn) => pglite.transaction((tx) => fn(wrap(tx))),
    close: () => pglite.close(),
  }
}
