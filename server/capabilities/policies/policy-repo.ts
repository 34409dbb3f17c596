import type { Queryable } from '../../kernel/db/db'
import type { PolicyStatus, PolicyView } from '../../../src/contract/policies/schemas'
import type { IsoDate } from '../../../src/domain/calendar/dates'
import { autoGrantLabel, isOpen } from '../../../src/domain/policies/match'
import { policyRegionCode, type Policy } from '../../../src/domain/policies/policy'
import { windowState } from '../../../src/domain/policies/policyStatus'
import { regionCodeOfName } from '../../../src/domain/regions/regionNames'
import type { EnterpriseProfile } from '../../../src/domain/policies/profile'

export interface PolicyRow {
  id: string
  status: PolicyStatus
  body: Policy
  published_at: Date | string | null
  withdrawn_at: Date | string | null
}

const COLUMNS = 'id, status, body, published_at, withdrawn_at'

const iso = (value: Date | string | null): string | null => (value ? new Date(value).toISOString() : null)

export function toPolicyView(row: PolicyRow, today: IsoDate, favourite = false): PolicyView {
  return {
    policy: row.body,
    status: row.status,
    publishedAt: iso(row.published_at),
    withdrawnAt: iso(row.withdrawn_at),
    openNow: isOpen(row.body, today),
    window: windowState(row.body.applicationWindow, today),
    regionCode: regionCodeOf(row.body),
    autoGrantLabel: autoGrantLabel(row.body),
    favourite,
  }
}

/** The 行政区划代码 a policy applies to (policyRegionCode, placing older policies by their region's name). */
export function regionCodeOf(policy: Policy): string | null {
  return policyRegionCode(policy, regionCodeOfName)
}

export async function findPolicy(db: Queryable, id: string): Promise<PolicyRow | null> {
  const { rows } = await db.query<PolicyRow>(`select ${COLUMNS} from policies where id = $1`, [id])
  return rows[0] ?? null
}

/** Published policies, newest publication first. */
export async function publishedPolicies(db: Queryable): Promise<PolicyRow[]> {
  const { rows } = await db.query<PolicyRow>(
    `select ${COLUMNS} from policies where status = 'published' order by published_at desc nulls last, id`,
  )
  return rows
}

/** Every policy whatever its status (the admin list), last changed first. */
export async function allPolicies(db: Queryable): Promise<PolicyRow[]> {
  const { rows } = await db.query<PolicyRow>(`select ${COLUMNS} from policies order by updated_at desc, id`)
  return rows
}

/** false when a policy with this id already exists. */
export async function insertDraft(db: Queryable, policy: Policy): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    `insert into policies (id, status, body) values ($1, 'draft', $2::jsonb) on conflict (id) do nothing returning id`,
    [policy.id, JSON.stringify(policy)],
  )
  return rows.length > 0
}

export async function updateBody(db: Queryable, policy: Policy): Promise<PolicyRow | null> {
  const { rows } = await db.query<PolicyRow>(
    `update policies set body = $2::jsonb, updated_at = now() where id = $1 returning ${COLUMNS}`,
    [policy.id, JSON.stringify(policy)],
  )
  return rows[0] ?? null
}

export async function setStatus(
  db: Queryable,
  id: string,
  status: 'published' | 'withdrawn',
): Promise<PolicyRow | null> {
  const stamp = status === 'published' ? 'published_at = coalesce(published_at, now())' : 'withdrawn_at = now()'
  const { rows } = await db.query<PolicyRow>(
    `update policies set status = $2, ${stamp}, updated_at = now() where id = $1 returning ${COLUMNS}`,
    [id, status],
  )
  return rows[0] ?? null
}

export async function favouriteIds(db: Queryable, userId: string): Promise<Set<string>> {
  const { rows } = await db.query<{ policy_id: string }>('select policy_id from policy_favourites where user_id = $1', [
    userId,
  ])
  return new Set(rows.map((row) => row.policy_id))
}

export async function loadProfileFacts(
  db: Queryable,
  enterpriseId: string,
): Promise<{ profile: EnterpriseProfile; updatedAt: string | null }> {
  const { rows } = await db.query<{ profile: EnterpriseProfile; updated_at: Date | string }>(
    'select profile, updated_at from enterprise_policy_facts where enterprise_id = $1',
    [enterpriseId],
  )
  return rows[0] ? { profile: rows[0].profile, updatedAt: iso(rows[0].updated_at) } : { profile: {}, updatedAt: null }
}

export async function saveProfileFacts(
  db: Queryable,
  enterpriseId: string,
  profile: EnterpriseProfile,
  userId: string | null,
): Promise<string> {
  const { rows } = await db.query<{ updated_at: Date | string }>(
    `insert into enterprise_policy_facts (enterprise_id, profile, updated_by) values ($1, $2::jsonb, $3)
     on conflict (enterprise_id) do update set profile = excluded.profile, updated_by = excluded.updated_by,
       updated_at = now()
     returning updated_at`,
    [enterpriseId, JSON.stringify(profile), userId],
  )
  return iso(rows[0].updated_at)!
}
