import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../../kernel/db/db'
import type { EnterpriseRole } from '../../../../src/domain/access/permissions'
import { liveGrant } from '../../../kernel/auth/live-grant'

export interface FeedRow {
  id: string
  user_id: string
  enterprise_id: string | null
  scope: string
  created_at: Date | string
}

const FEED_COLUMNS = 'id, user_id, enterprise_id, scope, created_at'

/**
 * Creates the user's feed for `scope`, or gives the existing one a new token: one statement, so
 * however many requests race, one row remains and only the hash written last opens it.
 */
export async function upsertFeed(
  db: Queryable,
  feed: { userId: string; enterpriseId: string | null; scope: string; tokenHash: string; createdAt: Date },
): Promise<FeedRow> {
  const { rows } = await db.query<FeedRow>(
    `insert into calendar_feeds (id, user_id, enterprise_id, scope, token_hash, created_at)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (user_id, scope) do update set token_hash = excluded.token_hash, created_at = excluded.created_at
     returning ${FEED_COLUMNS}`,
    [randomUUID(), feed.userId, feed.enterpriseId, feed.scope, feed.tokenHash, feed.createdAt.toISOString()],
  )
  return rows[0]
}

/** True when there was a feed to revoke. */
export async function deleteFeed(db: Queryable, userId: string, scope: string): Promise<boolean> {
  const { rows } = await db.query('delete from calendar_feeds where user_id = $1 and scope = $2 returning id', [
    userId,
    scope,
  ])
  return rows.length > 0
}

/** Every feed of the user (privacy consent withdrawn): their links stop working in this statement. */
export async function deleteUserFeeds(db: Queryable, userId: string): Promise<void> {
  await db.query('delete from calendar_feeds where user_id = $1', [userId])
}

export async function listFeeds(db: Queryable, userId: string): Promise<FeedRow[]> {
  const { rows } = await db.query<FeedRow>(
    `select ${FEED_COLUMNS} from calendar_feeds where user_id = $1 order by created_at, scope`,
    [userId],
  )
  return rows
}

export async function findFeedByTokenHash(db: Queryable, tokenHash: string): Promise<FeedRow | null> {
  const { rows } = await db.query<FeedRow>(`select ${FEED_COLUMNS} from calendar_feeds where token_hash = $1`, [
    tokenHash,
  ])
  return rows[0] ?? null
}

export interface FeedLink {
  enterprise_id: string
  name: string
  role: EnterpriseRole
  has_live_grant: boolean
}

/** The user's links now (all of them, or the one to `enterpriseId`), with what the permission table needs. */
export async function linksOf(
  db: Queryable,
  userId: string,
  enterpriseId: string | null,
  now: number,
): Promise<FeedLink[]> {
  const { rows } = await db.query<FeedLink>(
    `select l.enterprise_id, e.name, l.role, exists (select 1 from seal_grants g
       where g.enterprise_id = l.enterprise_id and g.grantee_user_id = l.user_id and ${liveGrant(now)}) as has_live_grant
     from user_enterprises l join enterprises e on e.id = l.enterprise_id
     where l.user_id = $1 and ($2::uuid is null or l.enterprise_id = $2::uuid)
     order by e.name, l.enterprise_id`,
    [userId, enterpriseId],
  )
  return rows
}

export interface EventVersion {
  sequence: number
  changedAt: Date
}

/**
 * The SEQUENCE and DTSTAMP of each event, bumping those whose fingerprint changed. The stored
 * versions are read in one query and compared in memory; only new or changed events are written,
 * in one multi-row upsert (none at all when nothing changed, the usual read). The upsert's WHERE is
 * re-checked against the row it waited for, so reads racing over the same change bump it once;
 * rows are taken in uid order so two multi-row upserts never deadlock.
 */
export async function eventVersions(
  db: Queryable,
  events: readonly { uid: string; fingerprint: string }[],
  now: Date,
): Promise<Map<string, EventVersion>> {
  const versions = new Map<string, EventVersion>()
  if (events.length === 0) return versions
  const uids = events.map((event) => event.uid)
  const stored = await storedVersions(db, uids)
  const stale = events
    .filter((event) => stored.get(event.uid)?.fingerprint !== event.fingerprint)
    .sort((a, b) => (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0))
  if (stale.length > 0) {
    const staleUids = stale.map((event) => event.uid)
    await db.query(
      `insert into calendar_event_versions (uid, fingerprint, sequence, changed_at)
       select e.uid, e.fingerprint, 0, $3 from unnest($1::text[], $2::text[]) as e(uid, fingerprint) order by e.uid
       on conflict (uid) do update set fingerprint = excluded.fingerprint,
         sequence = calendar_event_versions.sequence + 1, changed_at = excluded.changed_at
       where calendar_event_versions.fingerprint <> excluded.fingerprint`,
      [staleUids, stale.map((event) => event.fingerprint), now.toISOString()],
    )
    // Read back rather than RETURNING: a row a racing reader bumped first is not returned here.
    for (const [uid, row] of await storedVersions(db, staleUids)) stored.set(uid, row)
  }
  for (const [uid, row] of stored) versions.set(uid, { sequence: row.sequence, changedAt: row.changedAt })
  return versions
}

async function storedVersions(
  db: Queryable,
  uids: readonly string[],
): Promise<Map<string, EventVersion & { fingerprint: string }>> {
  const { rows } = await db.query<{ uid: string; fingerprint: string; sequence: number; changed_at: Date | string }>(
    'select uid, fingerprint, sequence, changed_at from calendar_event_versions where uid = any($1::text[])',
    [uids],
  )
  const stored = new Map<string, EventVersion & { fingerprint: string }>()
  for (const row of rows)
    stored.set(row.uid, {
      fingerprint: row.fingerprint,
      sequence: Number(row.sequence),
      changedAt: new Date(row.changed_at),
    })
  return stored
}
