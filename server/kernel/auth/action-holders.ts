import type { Queryable } from '../db/db'
import { isGrantBound, rolesAllowedTo, type EnterpriseAction } from '../../../src/domain/access/permissions'

/** The roles whose holders are told about an enterprise's `action` unasked: allowed it, never grant-bound (fail closed). */
export function holderRolesOf(action: EnterpriseAction): string[] {
  return rolesAllowedTo(action).filter((role) => !isGrantBound(role))
}

export interface ActionHolder {
  userId: string
  enterpriseId: string
}

/**
 * Who holds `action` at each of `enterpriseIds` for a notice nobody asked for (a reminder): users
 * who accepted the consent, linked with a role the permission table allows the action, never a
 * grant-bound role (its right depends on a live grant, which a message does not check). The query
 * the compliance reminders use (server/capabilities/compliance/reminder-job.ts), per action.
 */
export async function actionHolders(
  db: Queryable,
  action: EnterpriseAction,
  enterpriseIds: readonly string[],
): Promise<ActionHolder[]> {
  if (enterpriseIds.length === 0) return []
  const { rows } = await db.query<{ user_id: string; enterprise_id: string }>(
    `select ue.user_id, ue.enterprise_id from user_enterprises ue join users u on u.id = ue.user_id
     where u.consent_accepted and ue.role = any($1::text[]) and ue.enterprise_id = any($2::uuid[])
     order by ue.enterprise_id, ue.user_id`,
    [holderRolesOf(action), [...new Set(enterpriseIds)]],
  )
  return rows.map((row) => ({ userId: row.user_id, enterpriseId: row.enterprise_id }))
}
