/**
 * The one query interface the server uses. PGlite (embedded, for development, demos and tests)
 * and PostgreSQL (production) sit behind it, so every query is written once in plain
 * PostgreSQL with $1 parameters and no engine-specific features.
 */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>
}

export interface Db extends Queryable {
  kind: 'pglite' | 'postgres'
  /** Commits when fn resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  /**
   * Runs fn on one connection held for its duration, outside any transaction: session-level
   * state (pg_try_advisory_lock) must be taken and released on the same connection. Other
   * queries may run meanwhile on other connections (PostgreSQL) or interleave (PGlite).
   */
  withConnection<T>(fn: (connection: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
}
