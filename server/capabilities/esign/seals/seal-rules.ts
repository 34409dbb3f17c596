import type { Queryable } from '../../../kernel/db/db'
import { ApiError } from '../../../kernel/http/api-error'
import type { SealRulesView } from '../../../../src/contract/esign/schemas'
import { fieldError } from '../signing/field-error'
import { recordAudit } from './audit'
import { maskName } from '../../../../src/domain/mask'
import { SEAL_TYPE_LABELS, type SealType } from '../../../../src/domain/signing/sealTypes'
import { liveGrant } from '../../../kernel/auth/live-grant'
import {
  DOCUMENT_TYPE_LABELS,
  formatFen,
  NO_SEAL_RULES,
  refusalMessage,
  sealRulesProblems,
  type SealRuleRefusal,
  type SealRules,
} from '../../../../src/domain/signing/sealRules'
import type { ServiceContext } from '../../../kernel/service-context'

/**
 * 用章规则 as stored (one jsonb row per seal, absent = no rules), and the refusals they cause.
 * A refusal is an ApiError with a stable code per reason and a row in the seal audit
 * ('refused', reason_code = the SealRuleRefusal) so reports can count them.
 */

const REFUSAL_CODES = {
  'system-not-allowed': 'SEAL_RULE_SYSTEM',
  'document-type-not-allowed': 'SEAL_RULE_DOCUMENT_TYPE',
  'outside-hours': 'SEAL_RULE_HOURS',
  'not-working-day': 'SEAL_RULE_WORKING_DAY',
  'daily-limit-reached': 'SEAL_RULE_DAILY_LIMIT',
} as const satisfies Record<SealRuleRefusal, string>

export function refusalError(refusal: SealRuleRefusal, rules: SealRules, sealName: string): ApiError {
  return new ApiError(REFUSAL_CODES[refusal], { message: `${sealName}：${refusalMessage(refusal, rules)}` })
}

/** Rules of each seal (those without a row get NO_SEAL_RULES). */
export async function rulesOfSeals(db: Queryable, sealIds: string[]): Promise<Map<string, SealRules>> {
  const map = new Map<string, SealRules>(sealIds.map((id) => [id, NO_SEAL_RULES]))
  if (sealIds.length === 0) return map
  const { rows } = await db.query<{ seal_id: string; rules: SealRules | string }>(
    'select seal_id, rules from seal_rules where seal_id = any($1::uuid[])',
    [sealIds],
  )
  for (const row of rows) {
    const rules = typeof row.rules === 'string' ? (JSON.parse(row.rules) as SealRules) : row.rules
    map.set(row.seal_id, { ...NO_SEAL_RULES, ...rules })
  }
  return map
}

/** A refused attempt in the audit, with its reason code (actor null when a system's request was refused). */
export async function auditRefusal(
  db: Queryable,
  event: {
    enterpriseId: string
    actorUserId: string | null
    sealId: string
    taskId: string | null
    refusal: SealRuleRefusal
    detail: string
  },
): Promise<void> {
  await recordAudit(db, { ...event, action: 'refused', reasonCode: event.refusal })
}

interface SealRow {
  id: string
  type: SealType
  name: string
}

async function sealOf(db: Queryable, enterpriseId: string, sealId: string): Promise<SealRow> {
  const { rows } = await db.query<SealRow>(
    'select id, type, name from seals where id = $1 and enterprise_id = $2 and revoked_at is null',
    [sealId, enterpriseId],
  )
  if (!rows[0]) throw new ApiError('SEAL_NOT_FOUND')
  return rows[0]
}

/** Who may be named as second approver of a seal: the legal representatives and live grantees of it. */
async function eligibleApprovers(
  db: Queryable,
  enterpriseId: string,
  sealId: string,
  now: number,
): Promise<{ userId: string; name: string | null; role: 'legal_representative' | 'handler' }[]> {
  const { rows } = await db.query<{ user_id: string; name: string | null; role: 'legal_representative' | 'handler' }>(
    `select u.id as user_id, u.name, 'legal_representative' as role from user_enterprises l join users u on u.id = l.user_id
       where l.enterprise_id = $1 and l.role = 'legal_representative'
     union
     select u.id, u.name, 'handler' from seal_grants g join seal_grant_seals gs on gs.grant_id = g.id
       join users u on u.id = g.grantee_user_id
       where g.enterprise_id = $1 and gs.seal_id = $2 and ${liveGrant(now)}
     order by 3, 1`,
    [enterpriseId, sealId],
  )
  const seen = new Set<string>()
  return rows
    .filter((row) => (seen.has(row.user_id) ? false : (seen.add(row.user_id), true)))
    .map((row) => ({ userId: row.user_id, name: row.name, role: row.role }))
}

export async function sealRulesView(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  enterpriseId: string,
  sealId: string,
): Promise<SealRulesView> {
  const { db } = ctx
  const seal = await sealOf(db, enterpriseId, sealId)
  const rules = (await rulesOfSeals(db, [seal.id])).get(seal.id)!
  const approvers = await eligibleApprovers(db, enterpriseId, seal.id, ctx.clock())
  const { rows: systems } = await db.query<{ id: string; name: string }>(
    `select id, name from systems where 'sign-tasks' = any(scopes) and revoked_at is null order by name`,
  )
  return {
    sealId: seal.id,
    sealType: seal.type,
    rules,
    candidates: {
      systems: systems.map((system) => ({ id: system.id, name: system.name })),
      approvers: approvers.map((person) => ({
        userId: person.userId,
        nameMasked: person.name ? maskName(person.name) : '未实名用户',
        role: person.role,
      })),
    },
  }
}

/** The legal representative replaces a seal's rules; audited with what they now say. */
export async function saveSealRules(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  input: { enterpriseId: string; sealId: string; userId: string; rules: SealRules },
): Promise<SealRulesView> {
  const { db } = ctx
  const seal = await sealOf(db, input.enterpriseId, input.sealId)
  const rules: SealRules = { ...NO_SEAL_RULES, ...input.rules }
  const problems = sealRulesProblems(rules, seal.type)
  if (problems.length > 0) throw fieldError('rules', problems.join('；'))
  if (rules.systemIds.length > 0) {
    const { rows } = await db.query<{ n: number }>(
      'select count(*)::int as n from systems where id = any($1::uuid[])',
      [rules.systemIds],
    )
    if (rules.systemIds.length !== new Set(rules.systemIds).size || rows[0].n !== rules.systemIds.length)
      throw fieldError('rules.systemIds', '所选业务系统不存在或重复')
  }
  if (rules.secondApproval) {
    const allowed = new Set(
      (await eligibleApprovers(db, input.enterpriseId, seal.id, ctx.clock())).map((person) => person.userId),
    )
    const ids = rules.secondApproval.approverUserIds
    if (ids.length !== new Set(ids).size || ids.some((id) => !allowed.has(id)))
      throw fieldError(
        'rules.secondApproval.approverUserIds',
        '第二审批人须为本企业法定代表人或持有该印章有效授权的经办人',
      )
  }
  await db.query(
    `insert into seal_rules (seal_id, enterprise_id, rules, updated_by, updated_at) values ($1, $2, $3::jsonb, $4, now())
     on conflict (seal_id) do update set rules = excluded.rules, updated_by = excluded.updated_by, updated_at = now()`,
    [seal.id, input.enterpriseId, JSON.stringify(rules), input.userId],
  )
  await recordAudit(db, {
    enterpriseId: input.enterpriseId,
    action: 'rules',
    actorUserId: input.userId,
    sealId: seal.id,
    detail: `修改${seal.name || SEAL_TYPE_LABELS[seal.type]}的用章规则：${describeRules(rules)}`,
  })
  return sealRulesView(ctx, input.enterpriseId, seal.id)
}

/** The rules in one Chinese sentence, for the audit. */
export function describeRules(rules: SealRules): string {
  const parts = [
    rules.systemIds.length ? `限 ${rules.systemIds.length} 个业务系统` : '任何业务系统',
    rules.documentTypes.length
      ? `限${rules.documentTypes.map((t) => DOCUMENT_TYPE_LABELS[t]).join('、')}`
      : '任何文件类型',
    rules.hours ? `${rules.hours.from}–${rules.hours.to}` : '任何时间',
  ]
  if (rules.workingDaysOnly) parts.push('仅工作日')
  parts.push(rules.dailyLimit !== null ? `每日至多 ${rules.dailyLimit} 次` : '不限次数')
  if (rules.secondApproval)
    parts.push(
      `金额 ≥ ${formatFen(rules.secondApproval.minAmountFen)}需第二人确认（${rules.secondApproval.approverUserIds.length} 人可审批）`,
    )
  return parts.join('，')
}
