import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { Db, Queryable } from './types'
import { lockPgliteDir } from './pglite-lock'

/**
 * PGlite runs on a worker thread: its WebAssembly Postgres executes synchronously, so on the
 * main thread every query would stall the event loop. Transactions hold PGlite's transaction
 * lock in the worker; queries made meanwhile outside the transaction wait for it, as in PGlite.
 */

type Request =
  | { op: 'open'; dataDir?: string; templatePath?: string }
  | { op: 'dump'; path: string }
  | { op: 'query'; sql: string; params: unknown[]; tx?: number }
  | { op: 'exec'; sql: string; tx?: number }
  | { op: 'begin' }
  | { op: 'commit' | 'rollback'; tx: number }
  | { op: 'close' }

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: Record<string, unknown> }

/** A database error as thrown by node-postgres: message plus code, detail, constraint… */
function toError(fields: Record<string, unknown>): Error {
  return Object.assign(new Error(String(fields.message)), fields)
}

class WorkerConnection {
  private nextId = 1
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>()

  constructor(private readonly worker: Worker) {
    worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id)
      if (!waiting) return
      this.pending.delete(reply.id)
      this.keepAliveWhileBusy()
      if (reply.ok) waiting.resolve(reply.result)
      else waiting.reject(toError(reply.error))
    })
    worker.on('error', (error) => this.failAll(error))
    worker.on('exit', (code) => this.failAll(new Error(`PGlite worker exited (${code})`)))
  }

  call<T>(request: Request): Promise<T> {
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      this.keepAliveWhileBusy()
      this.worker.postMessage({ id, ...request })
    })
  }

  /** An idle database must not keep the process alive (a forgotten close() would hang it). */
  private keepAliveWhileBusy(): void {
    if (this.pending.size > 0) this.worker.ref()
    else this.worker.unref()
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error)
    this.pending.clear()
  }
}

function queryable(connection: WorkerConnection, tx?: number): Queryable {
  return {
    query: <T>(sql: string, params: unknown[] = []) => connection.call<{ rows: T[] }>({ op: 'query', sql, params, tx }),
    exec: (sql: string) => connection.call<void>({ op: 'exec', sql, tx }),
  }
}

export interface PgliteDb extends Db {
  /** Writes the whole database as a tarball, to open copies from with `templatePath`. */
  dumpTo(path: string): Promise<void>
}

/**
 * @param templatePath a tarball written by dumpTo to start from instead of an empty cluster
 *   (tests use one to skip initdb); only for a new, e.g. in-memory, database.
 */
export async function openPglite(dataDir: string, templatePath?: string): Promise<PgliteDb> {
  const inMemory = dataDir === 'memory://' || dataDir === ''
  if (!inMemory) mkdirSync(dataDir, { recursive: true })
  // One process per data directory (server, jobs runner, seed): see ./pglite-lock.ts.
  const unlock = inMemory ? () => undefined : lockPgliteDir(dataDir)
  const worker = new Worker(join(__dirname, 'pglite-worker.mjs'))
  const connection = new WorkerConnection(worker)
  try {
    await connection.call({ op: 'open', dataDir: inMemory ? undefined : dataDir, templatePath })
  } catch (error) {
    await worker.terminate()
    unlock()
    throw error
  }
  return {
    kind: 'pglite',
    ...queryable(connection),
    async transaction(fn) {
      const tx = await connection.call<number>({ op: 'begin' })
      try {
        const result = await fn(queryable(connection, tx))
        await connection.call({ op: 'commit', tx })
        return result
      } catch (error) {
        await connection.call({ op: 'rollback', tx }).catch(() => undefined)
        throw error
      }
    },
    // PGlite is one session: every query already runs on the same connection.
    withConnection: (fn) => fn(queryable(connection)),
    dumpTo: (path: string) => connection.call<void>({ op: 'dump', path }),
    async close() {
      await connection.call({ op: 'close' }).catch(() => undefined)
      await worker.terminate()
      unlock()
    },
  }
}
