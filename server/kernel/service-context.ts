import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import type { Db } from './db/db'
import type { KeyVault } from './secrets/key-vault'
import { noticeContextOf } from './notify/notice-context'
import type { NoticeContext } from './notify/notice-delivery'

/**
 * What services and repositories are given instead of the whole Fastify instance (issue #13 item 4):
 * a plain object, built once per app (`app.ctx`, server/app.ts), that a test or a script can also
 * build by hand. Route files keep `FastifyInstance` and pass `app.ctx` (or its parts) on.
 */

/** Milliseconds since the epoch. The server's one clock: every "now" of business time is `ctx.clock()`. */
export type Clock = () => number

/**
 * The wall clock: the default of `buildApp({ now })` and of the few entry points that run without
 * an app (the demo seed, a development CA). The one place server code reads `Date.now()` for business
 * time (tests/scripts/wall-clock-reads.test.ts holds it so).
 */
export const systemClock: Clock = () => Date.now()

/** The server's secret material in the form services use it (./secrets/secrets.ts resolves it from config). */
export interface ServiceSecrets {
  /** Seals private keys and ID numbers at rest under SEAL_MASTER_KEY. */
  vault: KeyVault
  /** HMAC key of stored ID-number and phone hashes (ID_HASH_SECRET). */
  idHashSecret: string
}

export interface ServiceContext {
  db: Db
  clock: Clock
  log: FastifyBaseLogger
  secrets: ServiceSecrets
  /**
   * What a service hands the one delivery loop (./notify/notice-delivery.ts) to send the `outbox`
   * rows it wrote: the database and the app's WeChat / Alipay senders.
   */
  outbox: NoticeContext
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The service context, built once by buildApp (contextOf). */
    ctx: ServiceContext
  }
}

/**
 * The context of a built app: after `db`, `clock`, `signing` and `messageSenders` are decorated. The clock delegates
 * to `app.clock`, so the app and its services never disagree on the time.
 */
export function contextOf(app: FastifyInstance): ServiceContext {
  return {
    db: app.db,
    clock: () => app.clock(),
    log: app.log,
    secrets: { vault: app.signing.vault, idHashSecret: app.signing.idHashSecret },
    outbox: noticeContextOf(app),
  }
}
