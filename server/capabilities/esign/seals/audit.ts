import type { Queryable } from '../../../kernel/db/db'
import { maskName } from '../../../../src/domain/mask'
import type { SealAuditAction, SealAuditEntry, SealAuditPage } from '../../../../src/contract/esign/schemas'
/**
 * The seal audit: every claim, grant, revocation, signature, rejection, wrong PIN and failed
 * face verification around an enterprise's seals, for its legal representative. Details are
 * written for people and carry masked personal data only.
 */

export interface AuditEvent {
  enterpriseId: string
  action: SealAuditAction
  actorUserId: string | null
  sealId?: string | null
  grantId?: string | null
  taskId?: string | null
  detail: string
  /** 'refused': the SealRuleRefusal */
  reasonCode?: string | null
}

export async function recordAudit(db: Queryable, event: AuditEvent): Promise<void> {
  await db.query(
    `insert into seal_audit (enterprise_id, action, actor_user_id, seal_id, grant_id, task_id, detail, reason_code)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      event.enterpriseId,
      event.action,
      event.actorUserId,
      event.sealId ?? null,
      event.grantId ?? null,
      event.taskId ?? null,
      event.detail,
      event.reasonCode ?? null,
    ],
  )
}

interface AuditRow {
  id: string
  action: SealAuditAction
  actor_user_id: string | null
  actor_name: string | null
  seal_id: string | null
  grant_id: string | null
  task_id: string | null
  detail: string
  reason_code: string | null
  created_at: Date
}

export async function listAudit(
  db: Queryable,
  enterpriseId: string,
  options: { before?: string; limit: number },
): Promise<SealAuditPage> {
  const { rows } = await db.query<AuditRow>(
    `select a.id::text as id, a.action, a.actor_user_id, u.name as actor_name, a.seal_id, a.grant_id, a.task_id,
       a.detail, a.reason_code, a.created_at
     from seal_audit a left join users u on u.id = a.actor_user_id
     where a.enterprise_id = $1 and ($2::bigint is null or a.id < $2::bigint)
     order by a.id desc limit $3`,
    [enterpriseId, options.before ?? null, options.limit + 1],
  )
  const page = rows.slice(0, options.limit)
  const items: SealAuditEntry[] = page.map((row) => ({
    id: row.id,
    action: row.action,
    actor: { userId: row.actor_user_id, nameMasked: row.actor_name ? maskName(row.actor_name) : null },
    sealId: row.seal_id,
    grantId: row.grant_id,
    taskId: row.task_id,
    detail: row.detail,
    reasonCode: row.reason_code,
    at: new Date(row.created_at).toISOString(),
  }))
  return { items, nextCursor: rows.length > options.limit ? page[page.length - 1].id : null }
}
