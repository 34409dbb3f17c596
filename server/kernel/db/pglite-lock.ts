import { randomUUID } from 'node:crypto'
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'

/**
 * PGlite is one process's database: two processes writing one data directory corrupt it. Whoever
 * opens an on-disk data directory — the server, `npm run jobs`, `npm run reminders`, the seed —
 * takes this lock file in it first and removes it on close. A lock whose process is gone (same
 * host, pid not alive: a crash, a kill -9) is stale and taken over; a lock from another host, or one
 * that cannot be read, is not guessed about (fail closed: the message says which file to remove).
 */
export const PGLITE_LOCK_FILE = 'zhengqitong-open.lock'

interface LockOwner {
  pid: number
  host: string
  command: string
  since: string
  token: string
}

export class PgliteLockedError extends Error {
  readonly code = 'PGLITE_LOCKED'
  constructor(
    readonly dataDir: string,
    readonly owner: Partial<LockOwner> | null,
  ) {
    const who = owner
      ? `pid ${owner.pid ?? '?'}${owner.host && owner.host !== hostname() ? ` @ ${owner.host}` : ''}: ${owner.command ?? '?'}, since ${owner.since ?? '?'}`
      : 'unreadable lock'
    const file = join(dataDir, PGLITE_LOCK_FILE)
    super(
      `PGlite 数据目录 ${dataDir} 正被另一个进程使用（${who}）：请先停止它（或改用服务器的管理接口）。` +
        ` / The PGlite data directory ${dataDir} is in use by another process (${who}): stop it first` +
        ` (or use the server's admin routes). If that process is gone, remove ${file}.`,
    )
    this.name = 'PgliteLockedError'
  }
}

function readOwner(path: string): Partial<LockOwner> | null {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>
    return owner && typeof owner === 'object' ? owner : null
  } catch {
    return null
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const isStale = (owner: Partial<LockOwner> | null): boolean =>
  owner !== null && owner.host === hostname() && Number.isInteger(owner.pid) && !isAlive(owner.pid as number)

/**
 * Takes the lock of `dataDir` (which must exist) for this process; returns its release. Throws
 * PgliteLockedError when another live process holds it.
 */
export function lockPgliteDir(dataDir: string): () => void {
  const path = join(dataDir, PGLITE_LOCK_FILE)
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    command: process.argv.slice(1).join(' ').slice(0, 200),
    // Diagnostic only (who holds the lock file since when), before any app or clock exists.
    since: new Date().toISOString(),
    token: randomUUID(),
  }
  // Written aside, then linked into place: link fails if the lock exists, and a reader never sees
  // a half-written lock.
  const draft = `${path}.${owner.token}`
  writeFileSync(draft, JSON.stringify(owner))
  try {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        linkSync(draft, path)
        return () => {
          if (readOwner(path)?.token === owner.token) unlinkSync(path)
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
      const holder = readOwner(path)
      if (!isStale(holder)) throw new PgliteLockedError(dataDir, holder)
      // Stale: move it aside and check that what moved is the stale lock read above, not one a
      // process that raced us here has just taken (that one is put back, and it wins).
      const aside = `${path}.stale.${owner.token}`
      try {
        renameSync(path, aside)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue
        throw error
      }
      const moved = readOwner(aside)
      if (moved?.token !== holder?.token) {
        try {
          linkSync(aside, path)
        } finally {
          unlinkSync(aside)
        }
        throw new PgliteLockedError(dataDir, moved)
      }
      unlinkSync(aside)
    }
    throw new PgliteLockedError(dataDir, readOwner(path))
  } finally {
    unlinkSync(draft)
  }
}
