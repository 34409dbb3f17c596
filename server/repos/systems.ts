import { randomUUID } from 'node:crypto'
import type { SystemCreated, SystemSummary } from '../contract'
import type { SystemPrincipal } from '../app-context'
import type { Queryable } from '../db/db'
import { newOpaqueToken, sha256Hex } from '../auth/tokens'

interface SystemRow {
  id: string
  name: string
  scopes: string[]
  created_at: Date
  revoked_at: Date | null
}

function toSummary(row: SystemRow): SystemSummary {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes,
    createdAt: new Date(row.created_at).toISOString(),
    revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
  }
}

// A prefix makes leaked keys recognisable to secret scanners and to people reading a config.
const KEY_PREFIX = 'zqt_sys_'

export async function createSystem(db: Queryable, name: string, scopes: string[]): Promise<SystemCreated> {
  const apiKey = KEY_PREFIX + newOpaqueToken()
  const { rows } = await db.query<SystemRow>(
    `insert into systems (id, name, scopes, key_hash) values ($1, $2, $3, $4)
     returning id, name, scopes, created_at, revoked_at`,
    [randomUUID(), name, scopes, sha256Hex(apiKey)],
  )
  const summary = toSummary(rows[0])
  return { id: summary.id, name: summary.name, scopes: summary.scopes, apiKey, createdAt: summary.createdAt }
}

export async function listSystems(db: Queryable): Promise<SystemSummary[]> {
  const { rows } = await db.query<SystemRow>(
    'select id, name, scopes, created_at, revoked_at from systems order by created_at, id',
  )
  return rows.map(toSummary)
}

/** Revokes a system; returns false when there is no such system. Revoking twice keeps the first time. */
export async function revokeSystem(db: Queryable, id: string): Promise<SystemSummary | null> {
  const { rows } = await db.query<SystemRow>(
    `update systems set revoked_at = coalesce(revoked_at, now()) where id = $1
     returning id, name, scopes, created_at, revoked_at`,
    [id],
  )
  return rows[0] ? toSummary(rows[0]) : null
}

export async function findActiveSystemByKey(db: Queryable, apiKey: string): Promise<SystemPrincipal | null> {
  const { rows } = await db.query<SystemRow>(
    'select id, name, scopes from systems where key_hash = $1 and revoked_at is null',
    [sha256Hex(apiKey)],
  )
  return rows[0] ? { id: rows[0].id, name: rows[0].name, scopes: rows[0].scopes } : null
}
