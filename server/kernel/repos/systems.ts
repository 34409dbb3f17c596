import { randomUUID } from 'node:crypto'
import type { SystemCreated, SystemSummary } from '../../../src/contract/account/schemas'
import type { SystemPrincipal } from '../app-context'
import type { Queryable } from '../db/db'
import { newOpaqueToken, sha256Hex } from '../auth/tokens'

interface SystemRow {
  id: string
  name: string
  scopes: string[]
  callback_hosts: string[] | null
  created_at: Date
  revoked_at: Date | null
}

const SUMMARY_COLUMNS = 'id, name, scopes, callback_hosts, created_at, revoked_at'

function toSummary(row: SystemRow): SystemSummary {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes,
    callbackHosts: row.callback_hosts,
    createdAt: new Date(row.created_at).toISOString(),
    revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
  }
}

// A prefix makes leaked keys recognisable to secret scanners and to people reading a config.
const KEY_PREFIX = 'zqt_sys_'

export async function createSystem(
  db: Queryable,
  name: string,
  scopes: string[],
  callbackHosts: string[] | null = null,
): Promise<SystemCreated> {
  const apiKey = KEY_PREFIX + newOpaqueToken()
  const { rows } = await db.query<SystemRow>(
    `insert into systems (id, name, scopes, key_hash, callback_hosts) values ($1, $2, $3, $4, $5)
     returning ${SUMMARY_COLUMNS}`,
    [randomUUID(), name, scopes, sha256Hex(apiKey), callbackHosts],
  )
  const { id, callbackHosts: hosts, createdAt } = toSummary(rows[0])
  return { id, name: rows[0].name, scopes: rows[0].scopes, callbackHosts: hosts, apiKey, createdAt }
}

/** Sets (or, with null, lifts) the system's callback host allowlist; null when there is no such system. */
export async function setCallbackHosts(
  db: Queryable,
  id: string,
  callbackHosts: string[] | null,
): Promise<SystemSummary | null> {
  const { rows } = await db.query<SystemRow>(
    `update systems set callback_hosts = $2 where id = $1 returning ${SUMMARY_COLUMNS}`,
    [id, callbackHosts],
  )
  return rows[0] ? toSummary(rows[0]) : null
}

export async function listSystems(db: Queryable): Promise<SystemSummary[]> {
  const { rows } = await db.query<SystemRow>(`select ${SUMMARY_COLUMNS} from systems order by created_at, id`)
  return rows.map(toSummary)
}

/** Revokes a system; returns false when there is no such system. Revoking twice keeps the first time. */
export async function revokeSystem(db: Queryable, id: string): Promise<SystemSummary | null> {
  const { rows } = await db.query<SystemRow>(
    `update systems set revoked_at = coalesce(revoked_at, now()) where id = $1 returning ${SUMMARY_COLUMNS}`,
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
