/**
 * An instant of the app clock (ms since the epoch) as a SQL `timestamptz` literal, for predicates
 * that are spliced into several queries (e.g. ../seals/live-grant.ts) where a numbered parameter
 * would not fit every query. Only an ISO string made here from a finite number is ever inlined, so
 * nothing a client sent can reach the SQL text. The same literal reads alike on PGlite and PostgreSQL.
 */
export function sqlInstant(now: number): string {
  if (!Number.isFinite(now)) throw new Error(`not an instant: ${now}`)
  return `'${new Date(now).toISOString()}'::timestamptz`
}
