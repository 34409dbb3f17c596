import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit'
import type { Queryable } from '../db/db'

/**
 * @fastify/rate-limit's counters in the database (table rate_limit_hits), so every server instance
 * counts against one limit: with the plugin's in-memory store, n instances let n times the limit
 * through. Each hit is one INSERT … ON CONFLICT DO UPDATE, which PostgreSQL (and PGlite) apply
 * atomically per key, so concurrent hits on any instances are each counted once.
 *
 * A window starts at a key's first hit and lasts timeWindow (as the in-memory store does), timed by
 * the application clock. Expired rows are deleted now and then by whichever instance is counting
 * (at most once a minute per process); a stale row is harmless meanwhile, as the next hit restarts it.
 * The plugin's continueExceeding and exponentialBackoff are not implemented and refused.
 */

interface WindowState {
  current: number
  /** ms left in the window */
  ttl: number
}

type Callback = (error: Error | null, state?: WindowState) => void

/** The part of the plugin's merged route options a store sees. */
interface ChildOptions {
  routeInfo?: { method?: string | string[]; url?: string }
  continueExceeding?: boolean
  exponentialBackoff?: boolean
}

export const RATE_LIMIT_CLEANUP_EVERY_MS = 60_000

export function dbRateLimitStore(db: Queryable, clock: () => number): FastifyRateLimitStoreCtor {
  let lastCleanupAt = Number.NEGATIVE_INFINITY

  async function removeExpired(now: number): Promise<void> {
    if (now - lastCleanupAt < RATE_LIMIT_CLEANUP_EVERY_MS) return
    lastCleanupAt = now
    try {
      await db.query('delete from rate_limit_hits where expires_at <= $1', [now])
    } catch {
      // Only housekeeping: the next cleanup tries again, and expired rows count for nothing.
    }
  }

  async function hit(key: string, timeWindow: number): Promise<WindowState> {
    const now = Math.floor(clock())
    const { rows } = await db.query<{ current: number; ttl: number }>(
      `insert into rate_limit_hits as h (key, count, expires_at) values ($1, 1, $2::bigint + $3::bigint)
       on conflict (key) do update set
         count = case when h.expires_at <= $2::bigint then 1 else h.count + 1 end,
         expires_at = case when h.expires_at <= $2::bigint then excluded.expires_at else h.expires_at end
       returning count as current, (expires_at - $2::bigint)::float8 as ttl`,
      [key, now, Math.max(1, Math.floor(timeWindow))],
    )
    const state = rows[0]
    if (state.current === 1) await removeExpired(now)
    return { current: state.current, ttl: state.ttl }
  }

  async function peek(key: string): Promise<WindowState> {
    const now = Math.floor(clock())
    const { rows } = await db.query<{ current: number; ttl: number }>(
      `select count as current, (expires_at - $2::bigint)::float8 as ttl from rate_limit_hits
       where key = $1 and expires_at > $2::bigint`,
      [key, now],
    )
    return rows[0] ?? { current: 0, ttl: 0 }
  }

  class DbRateLimitStore implements FastifyRateLimitStore {
    /** `options` are the plugin's; the prefix names the route, as the plugin's Redis store does. */
    constructor(
      _options: unknown,
      private readonly prefix = '',
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      hit(this.prefix + key, timeWindow).then(
        (state) => callback(null, state),
        (error: Error) => callback(error),
      )
    }

    /** The plugin's non-mutating peek (`{ increment: false }`). */
    read(key: string, callback: Callback): void {
      peek(this.prefix + key).then(
        (state) => callback(null, state),
        (error: Error) => callback(error),
      )
    }

    /** `routeOptions` are the plugin's merged options for one route (typed as fastify's RouteOptions, which they are not). */
    child(merged: object): FastifyRateLimitStore {
      const routeOptions = merged as ChildOptions
      if (routeOptions.continueExceeding || routeOptions.exponentialBackoff) {
        throw new Error('the database rate-limit store implements neither continueExceeding nor exponentialBackoff')
      }
      const method = [routeOptions.routeInfo?.method ?? '*'].flat().join(',')
      return new DbRateLimitStore(routeOptions, `${this.prefix}${method} ${routeOptions.routeInfo?.url ?? '*'} `)
    }
  }

  return DbRateLimitStore
}
