import { ApiError } from '../../kernel/http/api-error'
import { recordAudit } from './seals/audit'
import { forgetCurrentEnterprise, GRANT_SELECT, grantView, type GrantRow } from './seals/grants'
import { isGrantBound, type EnterpriseRole } from '../../../src/domain/access/permissions'
import { maskName, maskPhone } from '../../../src/domain/mask'
import { liveGrant } from '../../kernel/auth/live-grant'
import type { ServiceContext } from '../../kernel/service-context'
import { sqlInstant } from '../../kernel/db/sql-instant'
import type { EnterpriseMember } from '../../../src/contract/esign/schemas'
/**
 * 企业成员: the people linked to an enterprise, for its legal representative, who may remove any
 * of them but themselves. Removing someone revokes every grant they hold there and deletes the
 * link in one transaction; every later request of theirs is checked against the link, so their
 * open sessions stop acting for the enterprise at once.
 */

interface MemberRow {
  user_id: string
  name: string | null
  phone: string | null
  role: EnterpriseRole
  created_at: Date
  has_live_grant: boolean
}

const ROLE_ORDER: EnterpriseRole[] = ['legal_representative', 'agent', 'staff', 'handler']

export async function listMembers(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  enterpriseId: string,
  viewerId: string,
): Promise<EnterpriseMember[]> {
  const { db } = ctx
  const now = ctx.clock()
  const { rows } = await db.query<MemberRow>(
    `select l.user_id, u.name, u.phone, l.role, l.created_at,
       exists (select 1 from seal_grants g where g.enterprise_id = l.enterprise_id and g.grantee_user_id = l.user_id
         and ${liveGrant(now)}) as has_live_grant
     from user_enterprises l join users u on u.id = l.user_id
     where l.enterprise_id = $1
     order by l.created_at, l.user_id`,
    [enterpriseId],
  )
  const { rows: grants } = await db.query<GrantRow>(
    `${GRANT_SELECT} where g.enterprise_id = $1 and g.grantee_user_id is not null and g.revoked_at is null
       and g.valid_until > ${sqlInstant(now)}
     order by g.created_at desc, g.id`,
    [enterpriseId],
  )
  return rows
    .map((row) => ({
      userId: row.user_id,
      nameMasked: row.name ? maskName(row.name) : null,
      phoneMasked: row.phone ? maskPhone(row.phone) : null,
      role: row.role,
      isSelf: row.user_id === viewerId,
      active: !isGrantBound(row.role) || row.has_live_grant,
      linkedAt: new Date(row.created_at).toISOString(),
      grants: grants.filter((grant) => grant.grantee_user_id === row.user_id).map((grant) => grantView(grant, now)),
    }))
    .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role))
}

/** Idempotent: removing someone not (or no longer) linked changes nothing and is no error. */
export async function removeMember(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  input: { actorUserId: string; enterpriseId: string; userId: string },
): Promise<void> {
  const { actorUserId, enterpriseId, userId } = input
  if (userId === actorUserId) throw new ApiError('MEMBER_SELF_REMOVAL')
  await ctx.db.transaction(async (tx) => {
    // Grant rows before the link, the order revokeGrant keeps, so the two never wait on each other.
    const { rows: revoked } = await tx.query<{ id: string }>(
      `update seal_grants set revoked_at = ${sqlInstant(ctx.clock())}
       where enterprise_id = $1 and grantee_user_id = $2 and revoked_at is null returning id`,
      [enterpriseId, userId],
    )
    // One statement locks the target and every legal representative in one order, so two legal
    // representatives removing each other at once wait in turn instead of deadlocking.
    const { rows: links } = await tx.query<{ user_id: string; role: EnterpriseRole }>(
      `select user_id, role from user_enterprises
       where enterprise_id = $1 and (role = 'legal_representative' or user_id = $2)
       order by user_id for update`,
      [enterpriseId, userId],
    )
    const isLegalRep = (id: string) => links.some((l) => l.user_id === id && l.role === 'legal_representative')
    // Removed by someone else a moment ago: the right checked before the transaction is gone.
    if (!isLegalRep(actorUserId)) throw new ApiError('ENTERPRISE_FORBIDDEN')
    const role = links.find((l) => l.user_id === userId)?.role ?? null
    if (role === 'legal_representative' && !links.some((l) => l.user_id !== userId && isLegalRep(l.user_id))) {
      throw new ApiError('MEMBER_LAST_LEGAL_REPRESENTATIVE')
    }
    for (const grant of revoked) {
      await recordAudit(tx, {
        enterpriseId,
        action: 'revoke',
        actorUserId,
        grantId: grant.id,
        detail: '移除企业成员，其印章使用授权一并撤销',
      })
    }
    if (role) {
      await tx.query('delete from user_enterprises where user_id = $1 and enterprise_id = $2', [userId, enterpriseId])
      await forgetCurrentEnterprise(tx, userId, enterpriseId)
    }
  })
}
