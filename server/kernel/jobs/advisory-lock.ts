import type { Db } from '../db/db'

export class LockBusyError extends Error {
  readonly name = 'LockBusyError'
}

/** Runs in this process right now, per database (PGlite is one session: its advisory locks re-enter). */
const heldHere = new WeakMap<Db, Set<number>>()

/**
 * Runs fn while holding PostgreSQL advisory lock `key` (pg_try_advisory_lock, on a connection
 * kept for the duration), so two server instances never run the same job at once. Throws
 * LockBusyError at once when another holder has it. A crashed holder's connection closes and
 * PostgreSQL releases the lock with it.
 */
export async function withAdvisoryLock<T>(db: Db, key: number, fn: () => Promise<T>): Promise<T> {
  const held = heldHere.get(db) ?? new Set<number>()
  heldHere.set(db, held)
  if (held.has(key)) throw new LockBusyError(`advisory lock ${key} is held by this process`)
  held.add(key)
  try {
    return await db.withConnection(async (connection) => {
      const { rows } = await connection.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [key])
      if (!rows[0]?.locked) throw new LockBusyError(`advisory lock ${key} is held by another session`)
      try {
        return await fn()
      } finally {
        await connection.query('select pg_advisory_unlock($1)', [key])
      }
    })
  } finally {
    held.delete(key)
  }
}
