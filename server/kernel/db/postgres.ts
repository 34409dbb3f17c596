import { Pool, type PoolClient } from 'pg'
import type { Db, Queryable } from './types'

// node-postgres parses `date` columns into local-midnight Date objects, which shifts days
// across time zones; queries cast dates to text instead, and numerics likewise to float8.

function wrap(conn: Pool | PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await conn.query(sql, params)
      return { rows: result.rows as T[] }
    },
    async exec(sql: string) {
      // Without parameters node-postgres uses the simple protocol, which allows several statements.
      await conn.query(sql)
    },
  }
}

export async function openPostgres(connectionString: string, searchPath?: string): Promise<Db> {
  if (searchPath !== undefined && !/^[a-z_][a-z0-9_]*$/.test(searchPath)) {
    throw new Error(`Invalid schema name for search_path: ${searchPath}`)
  }
  const pool = new Pool({
    connectionString,
    max: 10,
    options: searchPath ? `-c search_path=${searchPath}` : undefined,
  })
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', (error) => console.error(`postgres idle client error: ${error.message}`))
  await pool.query('select 1')
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect()
      try {
        await client.query('begin')
        const result = await fn(wrap(client))
        await client.query('commit')
        return result
      } catch (error) {
        await client.query('rollback').catch(() => undefined)
        throw error
      } finally {
        client.release()
      }
    },
    async withConnection(fn) {
      const client = await pool.connect()
      let broken = false
      try {
        return await fn(wrap(client))
      } catch (error) {
        // Session state (an advisory lock) may be left behind: drop the connection, not reuse it.
        broken = true
        throw error
      } finally {
        client.release(broken)
      }
    },
    close: () => pool.end(),
  }
}
