import type { Queryable } from '../../kernel/db/db'
import type { ComplianceKind } from '../../../src/domain/compliance/item'
import { COMPLIANCE_KINDS } from '../../../src/domain/compliance/reminderOffsets'
import type { ComplianceReminderSettings } from '../../../src/contract/compliance/schemas'
function allOn(): Record<ComplianceKind, boolean> {
  const kinds = {} as Record<ComplianceKind, boolean>
  for (const kind of COMPLIANCE_KINDS) kinds[kind] = true
  return kinds
}

/** The user's switches; a kind never switched is on. */
export async function getComplianceReminderSettings(
  db: Queryable,
  userId: string,
): Promise<ComplianceReminderSettings> {
  const { rows } = await db.query<{ kind: ComplianceKind; enabled: boolean }>(
    'select kind, enabled from compliance_reminder_settings where user_id = $1',
    [userId],
  )
  const kinds = allOn()
  for (const row of rows) if (row.kind in kinds) kinds[row.kind] = row.enabled
  return { kinds }
}

/** Saves every kind in one statement (twelve identical requests leave one row per kind). */
export async function saveComplianceReminderSettings(
  db: Queryable,
  userId: string,
  settings: ComplianceReminderSettings,
  now: Date,
): Promise<ComplianceReminderSettings> {
  await db.query(
    `insert into compliance_reminder_settings (user_id, kind, enabled, updated_at)
     select $1, t.kind, t.enabled, $4 from unnest($2::text[], $3::boolean[]) as t(kind, enabled)
     on conflict (user_id, kind) do update set enabled = excluded.enabled, updated_at = excluded.updated_at`,
    [userId, [...COMPLIANCE_KINDS], COMPLIANCE_KINDS.map((kind) => settings.kinds[kind]), now.toISOString()],
  )
  return getComplianceReminderSettings(db, userId)
}
