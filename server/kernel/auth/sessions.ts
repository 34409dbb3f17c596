import type { Platform } from '../../../src/contract/account/schemas'
import type { Queryable } from '../db/db'
import { newOpaqueToken, sha256Hex } from './tokens'

export interface NewSession {
  token: string
  expiresAt: Date
}

export async function createSession(
  db: Queryable,
  userId: string,
  platform: Platform,
  ttlHours: number,
  /** The app clock's ms: the session lasts `ttlHours` from then. */
  now: number,
): Promise<NewSession> {
  const token = newOpaqueToken()
  const expiresAt = new Date(now + ttlHours * 3_600_000)
  await db.query('insert into sessions (token_hash, user_id, platform, expires_at) values ($1, $2, $3, $4)', [
    sha256Hex(token),
    userId,
    platform,
    expiresAt,
  ])
  return { token, expiresAt }
}

export type SessionLookup =
  { status: 'valid'; userId: string; platform: Platform; tokenHash: string } | { status: 'unknown' | 'expired' }

/** Expired by the app clock (`now`, ms), the same clock that set the expiry. */
export async function findSession(db: Queryable, token: string, now: number): Promise<SessionLookup> {
  const tokenHash = sha256Hex(token)
  const { rows } = await db.query<{ user_id: string; platform: Platform; expired: boolean }>(
    'select user_id, platform, expires_at <= $2 as expired from sessions where token_hash = $1',
    [tokenHash, new Date(now)],
  )
  const session = rows[0]
  if (!session) return { status: 'unknown' }
  if (session.expired) {
    await db.query('delete from sessions where token_hash = $1', [tokenHash])
    return { status: 'expired' }
  }
  return { status: 'valid', userId: session.user_id, platform: session.platform, tokenHash }
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('delete from sessions where token_hash = $1', [tokenHash])
}

export async function deleteUserSessions(db: Queryable, userId: string): Promise<void> {
  await db.query('delete from sessions where user_id = $1', [userId])
}
