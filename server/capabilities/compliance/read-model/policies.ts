import type { Policy } from '../../../../src/domain/policies/policy'
import type { EnterpriseProfile } from '../../../../src/domain/policies/profile'
import type { Queryable } from '../../../kernel/db/db'

/**
 * The policy catalogue as the compliance calendar reads it: a read model over the policies
 * capability's tables (policies, policy_favourites, enterprise_policy_facts), in compliance's own
 * repository, so compliance imports no other capability (docs/architecture.md › The server).
 */

export interface PublishedPolicy {
  id: string
  body: Policy
}

/** Published policies, newest publication first (the catalogue's order). */
export async function publishedPolicies(db: Queryable): Promise<PublishedPolicy[]> {
  const { rows } = await db.query<PublishedPolicy>(
    `select id, body from policies where status = 'published' order by published_at desc nulls last, id`,
  )
  return rows
}

export async function favouriteIds(db: Queryable, userId: string): Promise<Set<string>> {
  const { rows } = await db.query<{ policy_id: string }>('select policy_id from policy_favourites where user_id = $1', [
    userId,
  ])
  return new Set(rows.map((row) => row.policy_id))
}

/** The policy facts of several enterprises in one query; {} for those never set. */
export async function profileFactsOf(
  db: Queryable,
  enterpriseIds: readonly string[],
): Promise<Map<string, EnterpriseProfile>> {
  const facts = new Map<string, EnterpriseProfile>()
  for (const id of enterpriseIds) facts.set(id, {})
  if (enterpriseIds.length === 0) return facts
  const { rows } = await db.query<{ enterprise_id: string; profile: EnterpriseProfile }>(
    'select enterprise_id, profile from enterprise_policy_facts where enterprise_id = any($1::uuid[])',
    [enterpriseIds],
  )
  for (const row of rows) facts.set(row.enterprise_id, row.profile)
  return facts
}
