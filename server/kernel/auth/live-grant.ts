import { sqlInstant } from '../db/sql-instant'

/**
 * A grant gives rights only while it is live: accepted by the grantee (by invite code or in the
 * app), not revoked, and not past its day at `now` (the app clock's ms, the clock that checked its
 * day when it was made). Every query deciding a right uses this one predicate, over a
 * `seal_grants` row aliased `g`, so revoking or expiry ends every right at once.
 */
export function liveGrant(now: number): string {
  return `g.grantee_user_id is not null and g.accepted_at is not null and g.revoked_at is null
  and g.valid_until > ${sqlInstant(now)}`
}
