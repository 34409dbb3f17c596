import type { Queryable } from '../../../kernel/db/db'
import { ApiError } from '../../../kernel/http/api-error'
import type { SignTaskApproval } from '../../../../src/contract/esign/schemas'
import { auditRefusal, refusalError, rulesOfSeals } from '../seals/seal-rules'
import { chinaDateOf } from '../../../../src/domain/calendar/dates'
import { maskName } from '../../../../src/domain/mask'
import {
  needsSecondApprover,
  refusalAtConfirmation,
  refusalMessage,
  type SealRuleRefusal,
  type SealRules,
} from '../../../../src/domain/signing/sealRules'
import type { SealRow } from '../seals/seal-repo'
import type { SignTaskStatus } from '../../../../src/domain/signing/signTask'
import type { EsignContext } from './signing-context'

/** What of a stored task (GovernedTask) governance reads; declared here so the store can import this file. */
export interface GovernedTask {
  id: string
  enterprise_id: string
  system_name: string
  document_name: string
  status: SignTaskStatus
  amount_fen: string | number | null
  first_approved_by: string | null
}

/**
 * 用章规则 and 双人审批 around a confirmation (issue #15 items 7, 8). The rules knowable when a
 * system creates a task (system, document type) are checked in sign-task-create.ts; these are the
 * ones that depend on the moment: hours, working days, the daily count, and the second approver.
 * A refusal ends the task like a rejection (status 'rejected', reason in words, refusal_code,
 * callback due) and is written to the seal audit as 'refused' with its reason code.
 */

export interface GovernedSeal {
  seal: Pick<SealRow, 'id' | 'type' | 'name'>
  rules: SealRules
}

export function amountOf(task: Pick<GovernedTask, 'amount_fen'>): number | null {
  return task.amount_fen === null ? null : Number(task.amount_fen)
}

export async function governedSeals(db: Queryable, seals: GovernedSeal['seal'][]): Promise<GovernedSeal[]> {
  const rules = await rulesOfSeals(
    db,
    seals.map((seal) => seal.id),
  )
  return seals.map((seal) => ({ seal, rules: rules.get(seal.id)! }))
}

/** The seal whose rule asks for a second approver on this task, if any. */
export function secondApprovalSeal(
  governed: GovernedSeal[],
  task: Pick<GovernedTask, 'amount_fen'>,
): GovernedSeal | null {
  return governed.find(({ seal, rules }) => needsSecondApprover(rules, seal.type, amountOf(task))) ?? null
}

/** Thrown inside a signing transaction when a seal's daily count is used up (the transaction rolls back). */
export class DailyLimitReached extends Error {
  constructor(readonly governed: GovernedSeal) {
    super('daily limit reached')
  }
}

/**
 * Counts one use of each limited seal for the China day of `nowMs`, atomically: the upsert adds
 * one only below the limit, so of twelve confirmations at once against a limit of N exactly N
 * get a row back. Inside the signing transaction, so a confirmation that fails later gives its
 * count back.
 */
export async function countDailyUse(tx: Queryable, governed: GovernedSeal[], nowMs: number): Promise<void> {
  const day = chinaDateOf(nowMs)
  for (const entry of governed) {
    if (entry.rules.dailyLimit === null) continue
    const { rows } = await tx.query(
      `insert into seal_daily_use (seal_id, day, used) values ($1, $2::date, 1)
       on conflict (seal_id, day) do update set used = seal_daily_use.used + 1 where seal_daily_use.used < $3
       returning used`,
      [entry.seal.id, day, entry.rules.dailyLimit],
    )
    if (!rows[0]) throw new DailyLimitReached(entry)
  }
}

/** The first rule of the moment that refuses, if any. */
export function momentRefusal(
  governed: GovernedSeal[],
  nowMs: number,
): { entry: GovernedSeal; refusal: SealRuleRefusal } | null {
  for (const entry of governed) {
    const refusal = refusalAtConfirmation(entry.rules, nowMs)
    if (refusal) return { entry, refusal }
  }
  return null
}

/**
 * Ends the task as refused by a rule (only while it is still open: a task already finished stays
 * as it is), audits the attempt, makes the callback due; returns the error to answer with.
 */
export async function refuseTask(
  ctx: Pick<EsignContext, 'db' | 'signing'>,
  task: GovernedTask,
  userId: string,
  entry: GovernedSeal,
  refusal: SealRuleRefusal,
): Promise<ApiError> {
  const reason = `${entry.seal.name}：${refusalMessage(refusal, entry.rules)}`
  await ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query(
      `update sign_tasks set status = 'rejected', finished_at = now(), reject_reason = $2, refusal_code = $3,
         callback_state = case when callback_url is null then null else 'pending' end, callback_next_at = now()
       where id = $1 and status in ('scanned', 'awaiting_second') returning id`,
      [task.id, reason, refusal],
    )
    await auditRefusal(tx, {
      enterpriseId: task.enterprise_id,
      actorUserId: userId,
      sealId: entry.seal.id,
      taskId: task.id,
      refusal,
      detail: `用章规则拒绝签署《${task.document_name}》（${task.system_name}）：${reason}${rows[0] ? '' : '（任务已结束）'}`,
    })
  })
  ctx.signing.callbacks.notify(task.id)
  return refusalError(refusal, entry.rules, entry.seal.name)
}

/** Whether `userId` is a named second approver of the seal (never the first confirmer: checked by the caller). */
export function isNamedApprover(entry: GovernedSeal, userId: string): boolean {
  return entry.rules.secondApproval?.approverUserIds.includes(userId) ?? false
}

async function namesOf(db: Queryable, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map()
  const { rows } = await db.query<{ id: string; name: string | null }>(
    'select id, name from users where id = any($1::uuid[])',
    [userIds],
  )
  return new Map(rows.map((row) => [row.id, row.name ? maskName(row.name) : '未实名用户']))
}

/**
 * 双人审批 as shown to the people and the system: who confirmed first and who may still confirm.
 * null for a task that needs (or needed) one confirmation only.
 */
export async function approvalOf(db: Queryable, task: GovernedTask): Promise<SignTaskApproval | null> {
  const finished = task.status === 'signed' || task.status === 'rejected' || task.status === 'expired'
  if (finished && !task.first_approved_by) return null
  const { rows: seals } = await db.query<GovernedSeal['seal']>(
    `select s.id, s.type, s.name from sign_task_signers t join seals s
       on s.enterprise_id = $2 and s.type = t.seal_type and s.revoked_at is null
     where t.task_id = $1 and t.kind = 'seal'`,
    [task.id, task.enterprise_id],
  )
  const entry = secondApprovalSeal(await governedSeals(db, seals), task)
  if (!entry && !task.first_approved_by) return null
  const approverIds = (entry?.rules.secondApproval?.approverUserIds ?? []).filter((id) => id !== task.first_approved_by)
  const names = await namesOf(db, [...approverIds, ...(task.first_approved_by ? [task.first_approved_by] : [])])
  return {
    firstConfirmedBy: task.first_approved_by ? (names.get(task.first_approved_by) ?? null) : null,
    waitingFor: finished ? [] : approverIds.map((id) => names.get(id) ?? '未实名用户'),
  }
}

/** A second approver who is not named for the seal. */
export function notNamed(entry: GovernedSeal): ApiError {
  return new ApiError('SECOND_APPROVER_NOT_NAMED', { message: `您不是${entry.seal.name}指定的第二审批人` })
}
