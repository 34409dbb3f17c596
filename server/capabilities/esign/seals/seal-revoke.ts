import { ApiError } from '../../../kernel/http/api-error'
import type { RevokeSealRequest, SealRevokeResult } from '../../../../src/contract/esign/schemas'
import { revokeCredentials } from '../pki/pki-store'
import { fieldError } from '../signing/field-error'
import { recordAudit } from './audit'
import { confirmLegalRepresentativeFace } from './grants'
import { verifyPinAudited } from './pin'
import { SEAL_COLUMNS, insertSeal, sealView, type SealRow } from './seal-repo'
import type { EsignContext } from '../signing/signing-context'

export const REVOKE_REASON_MAX = 200

/** The reason, trimmed; a 400 with a field when it is empty or too long. */
export function revokeReason(reason: string): string {
  const trimmed = reason.trim()
  if (!trimmed) throw fieldError('reason', '请填写注销原因')
  if (trimmed.length > REVOKE_REASON_MAX) throw fieldError('reason', `注销原因不能超过 ${REVOKE_REASON_MAX} 个字`)
  return trimmed
}

/**
 * 注销印章 / 重新制章, in one transaction: the seal's revoked_at (a conditional update, so of twelve
 * calls at once exactly one proceeds and the others get SEAL_ALREADY_REVOKED), its certificate
 * revoked (it goes on the CRL), grants left with no live seal ended, open sign tasks that still
 * need a seal of its type refused with the reason (their systems are called back as for any
 * refusal), an audit entry; for a replacement a new seal of the same type with a new key and
 * certificate, and the old seal's 用章规则 (grants do not carry over). Signatures made before stay
 * valid: verification judges revocation at the timestamp's time.
 */
export async function revokeSeal(
  ctx: Pick<EsignContext, 'db' | 'clock' | 'secrets' | 'pki' | 'signing'>,
  input: { userId: string; enterpriseId: string; sealId: string; replace: boolean } & RevokeSealRequest,
): Promise<SealRevokeResult> {
  const reason = revokeReason(input.reason)
  if (!input.pin && !input.ticket) throw fieldError('pin', '请输入签署密码或刷脸确认')
  if (input.pin) await verifyPinAudited(ctx, input.userId, input.pin, input.enterpriseId)

  const { result, refusedTaskIds } = await ctx.db.transaction(async (tx) => {
    await confirmLegalRepresentativeFace(tx, input, 'seal-revoke', ctx.clock())
    // The seal row first, for update: a confirmation holding it (for share) signs before the
    // revocation's time is read, so no signature is ever later than its seal's revoked_at.
    await tx.query('select id from seals where id = $1 and enterprise_id = $2 for update', [
      input.sealId,
      input.enterpriseId,
    ])
    const { rows: revokedRows } = await tx.query<SealRow & { type: SealRow['type'] }>(
      `update seals s set revoked_at = $4, revoke_reason = $3
       where s.id = $1 and s.enterprise_id = $2 and s.revoked_at is null
       returning ${SEAL_COLUMNS}`,
      [input.sealId, input.enterpriseId, reason, new Date(ctx.clock())],
    )
    const seal = revokedRows[0]
    if (!seal) {
      const { rows } = await tx.query('select 1 from seals where id = $1 and enterprise_id = $2', [
        input.sealId,
        input.enterpriseId,
      ])
      throw new ApiError(rows[0] ? 'SEAL_ALREADY_REVOKED' : 'SEAL_NOT_FOUND')
    }
    const at = new Date(seal.revoked_at!)
    await revokeCredentials(tx, { kind: 'seal', id: seal.id }, at)

    // A grant ends when none of its seals is live any more (a grant of several seals keeps the others).
    const { rows: ended } = await tx.query<{ id: string }>(
      `update seal_grants g set revoked_at = $3
       where g.enterprise_id = $1 and g.revoked_at is null
         and exists (select 1 from seal_grant_seals gs where gs.grant_id = g.id and gs.seal_id = $2)
         and not exists (select 1 from seal_grant_seals gs join seals s on s.id = gs.seal_id
                         where gs.grant_id = g.id and s.revoked_at is null)
       returning g.id`,
      [input.enterpriseId, seal.id, at],
    )

    // Open tasks of the enterprise with an unsigned slot for a seal of this type: refused, as a rejection is.
    const taskReason = `${seal.name}已${input.replace ? '重新制章' : '注销'}：${reason}`
    const { rows: refused } = await tx.query<{ id: string; document_name: string }>(
      `update sign_tasks t set status = 'rejected', finished_at = now(), reject_reason = $3, refusal_code = 'seal-revoked',
         callback_state = case when t.callback_url is null then null else 'pending' end, callback_next_at = now()
       where t.enterprise_id = $1 and t.status in ('pending', 'scanned', 'awaiting_second')
         and exists (select 1 from sign_task_signers ss where ss.task_id = t.id and ss.kind = 'seal' and ss.seal_type = $2
           and not exists (select 1 from signature_records r where r.task_id = t.id and r.position = ss.position))
       returning t.id, t.document_name`,
      [input.enterpriseId, seal.type, taskReason],
    )

    let replacement: SealRow | null = null
    if (input.replace) {
      const { rows } = await tx.query<{ name: string; uscc: string; legal_representative: string }>(
        'select name, uscc, legal_representative from enterprises where id = $1',
        [input.enterpriseId],
      )
      const newId = await insertSeal(ctx, tx, {
        enterpriseId: input.enterpriseId,
        enterprise: rows[0],
        type: seal.type,
        validFrom: at,
        claimedBy: input.userId,
      })
      await tx.query('update seals set replaced_by = $2 where id = $1', [seal.id, newId])
      // The 用章规则 carry over (grants do not): a replacement must not silently loosen the governance.
      await tx.query(
        `insert into seal_rules (seal_id, enterprise_id, rules, updated_by, updated_at)
         select $2, enterprise_id, rules, $3, now() from seal_rules where seal_id = $1`,
        [seal.id, newId, input.userId],
      )
      const { rows: created } = await tx.query<SealRow>(`select ${SEAL_COLUMNS} from seals s where s.id = $1`, [newId])
      replacement = created[0]
    }

    await recordAudit(tx, {
      enterpriseId: input.enterpriseId,
      action: 'seal-revoke',
      actorUserId: input.userId,
      sealId: seal.id,
      detail:
        `${input.replace ? '重新制章' : '注销印章'}：${seal.name}（${input.ticket ? '刷脸' : '签署密码'}确认），原因：${reason}` +
        `；结束授权 ${ended.length} 项，拒绝待签任务 ${refused.length} 项` +
        (replacement ? '；已生成新印章及数字证书' : ''),
    })
    for (const task of refused) {
      await recordAudit(tx, {
        enterpriseId: input.enterpriseId,
        action: 'reject',
        actorUserId: input.userId,
        sealId: seal.id,
        taskId: task.id,
        detail: `印章注销，拒绝签署《${task.document_name}》：${taskReason}`,
      })
    }
    return {
      result: {
        revoked: sealView(seal, at.getTime()),
        replacement: replacement ? sealView(replacement, at.getTime()) : null,
        refusedTasks: refused.length,
        endedGrants: ended.length,
      },
      refusedTaskIds: refused.map((task) => task.id),
    }
  })
  for (const taskId of refusedTaskIds) ctx.signing.callbacks.notify(taskId)
  return result
}
