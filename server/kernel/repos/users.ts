import { randomUUID } from 'node:crypto'
import type { Platform, UserProfile } from '../../../src/contract/account/schemas'
import type { Queryable } from '../db/db'
import { maskIdNumber, maskPhone } from '../../../src/domain/mask'

interface UserRow {
  id: string
  name: string | null
  phone: string | null
  id_number: string | null
  consent_accepted: boolean
  consent_version: string | null
  consent_at: Date | null
  current_enterprise_id: string | null
}

/** The only way a user leaves the server: phone and ID number masked here, never later. */
function toProfile(row: UserRow): UserProfile {
  return {
    id: row.id,
    name: row.name,
    phoneMasked: row.phone ? maskPhone(row.phone) : null,
    idNumberMasked: row.id_number ? maskIdNumber(row.id_number) : null,
    consent: {
      accepted: row.consent_accepted,
      version: row.consent_version,
      at: row.consent_at ? new Date(row.consent_at).toISOString() : null,
    },
    currentEnterpriseId: row.current_enterprise_id,
  }
}

export async function getUserProfile(db: Queryable, userId: string): Promise<UserProfile | null> {
  const { rows } = await db.query<UserRow>(
    `select id, name, phone, id_number, consent_accepted, consent_version, consent_at, current_enterprise_id
     from users where id = $1`,
    [userId],
  )
  return rows[0] ? toProfile(rows[0]) : null
}

/** The user behind a WeChat/Alipay identity, created on first login. */
export async function findOrCreateUserByIdentity(
  db: Queryable,
  platform: Platform,
  subject: string,
  unionId?: string,
): Promise<string> {
  const existing = await db.query<{ user_id: string }>(
    'select user_id from user_identities where platform = $1 and subject = $2',
    [platform, subject],
  )
  if (existing.rows[0]) return existing.rows[0].user_id
  const userId = randomUUID()
  await db.query('insert into users (id) values ($1)', [userId])
  await db.query(
    `insert into user_identities (platform, subject, union_id, user_id) values ($1, $2, $3, $4)
     on conflict (platform, subject) do nothing`,
    [platform, subject, unionId ?? null, userId],
  )
  // A concurrent first login may have won the race; use its user and drop ours.
  const { rows } = await db.query<{ user_id: string }>(
    'select user_id from user_identities where platform = $1 and subject = $2',
    [platform, subject],
  )
  if (rows[0].user_id !== userId) await db.query('delete from users where id = $1', [userId])
  return rows[0].user_id
}

/** Sandbox users are keyed by phone, so the demo users can log in as themselves. */
export async function findOrCreateUserByPhone(db: Queryable, phone: string): Promise<string> {
  await db.query('insert into users (id, phone) values ($1, $2) on conflict (phone) do nothing', [randomUUID(), phone])
  const { rows } = await db.query<{ id: string }>('select id from users where phone = $1', [phone])
  return rows[0].id
}

/** Stores the consent state and, when it changed, an evidence record. */
export async function recordConsent(db: Queryable, userId: string, version: string, accepted: boolean): Promise<void> {
  const { rows } = await db.query<{ id: string }>(
    `update users set consent_accepted = $2, consent_version = $3, consent_at = now()
     where id = $1 and (consent_accepted is distinct from $2 or consent_version is distinct from $3)
     returning id`,
    [userId, accepted, version],
  )
  if (rows[0]) {
    await db.query('insert into consent_records (user_id, version, accepted) values ($1, $2, $3)', [
      userId,
      version,
      accepted,
    ])
  }
}

export async function setCurrentEnterprise(db: Queryable, userId: string, enterpriseId: string): Promise<void> {
  await db.query('update users set current_enterprise_id = $2 where id = $1', [userId, enterpriseId])
}
