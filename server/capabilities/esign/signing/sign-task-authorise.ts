import { createHmac } from 'node:crypto'
import type { Queryable } from '../../../kernel/db/db'
import { ApiError } from '../../../kernel/http/api-error'
import { findLink } from '../../../kernel/auth/enterprise-access'
import type { EnterpriseRole } from '../../../../src/contract/account/schemas'
import { activeGrantId } from '../seals/grants'
import { roleMay } from '../../../../src/domain/access/permissions'
import { SEAL_COLUMNS, type SealRow } from '../seals/seal-repo'
import { liveSignatureOf, type PersonalSignatureRow } from '../seals/signature-repo'
import { SEAL_TYPE_LABELS } from '../../../../src/domain/signing/sealTypes'
import type { SignerBasis } from '../../../../src/domain/signing/tbs'
import type { SignerSlot, SignTaskRow } from './sign-task-store'
import { sqlInstant } from '../../../kernel/db/sql-instant'

/**
 * Who may sign a task: the scanner must be able to fill every signer slot of it (one scanner
 * per task; a document needing two people gets two tasks). A seal slot needs the enterprise's
 * legal representative or an active grant of that very seal; a personal-signature slot needs the
 * person it names (the legal representative, or the handler with that phone) holding a signature.
 * Checked when scanning and again when confirming, so a grant revoked in between stops the signing.
 */

export type SignerPlan =
  | { position: number; kind: 'seal'; seal: SealRow; basis: SignerBasis; grantId: string | null }
  | { position: number; kind: 'personal'; signature: PersonalSignatureRow; role: 'legal_representative' | 'handler' }

/** Phones named by a task are kept only as this HMAC (and a mask). */
export function phoneHash(secret: string, phone: string): string {
  return createHmac('sha256', secret).update(`phone:${phone}`, 'utf8').digest('hex')
}

async function liveValidSeal(db: Queryable, enterpriseId: string, slot: SignerSlot, now: number): Promise<SealRow> {
  const { rows } = await db.query<SealRow>(
    `select ${SEAL_COLUMNS} from seals s
     where s.enterprise_id = $1 and s.type = $2 and s.revoked_at is null
       and s.valid_from <= ${sqlInstant(now)} and s.valid_to > ${sqlInstant(now)}`,
    [enterpriseId, slot.seal_type],
  )
  if (!rows[0]) {
    throw new ApiError('SEAL_NOT_AVAILABLE', {
      message: `该企业的${SEAL_TYPE_LABELS[slot.seal_type!]}不可用（未领取、已过期或已停用）`,
    })
  }
  return rows[0]
}

export async function planSigners(
  db: Queryable,
  idHashSecret: string,
  task: Pick<SignTaskRow, 'enterprise_id'>,
  slots: SignerSlot[],
  userId: string,
  /** The app clock's ms: a personal signature past its validity cannot sign. */
  now: number,
): Promise<SignerPlan[]> {
  const { rows } = await db.query<{ phone: string | null }>('select u.phone from users u where u.id = $1', [userId])
  const link = await findLink(db, userId, task.enterprise_id, now)
  // The permission table decides; a handler without a live grant counts as not linked at all.
  const role: EnterpriseRole | null = link && roleMay(link.role, 'seal:sign', link.has_live_grant) ? link.role : null
  const myPhoneHash = rows[0]?.phone ? phoneHash(idHashSecret, rows[0].phone) : null
  const isLegalRep = role === 'legal_representative'

  // Only a slot naming this user's phone can be filled without a link to the enterprise.
  const needsLink = slots.some((slot) => slot.kind === 'seal' || !slot.phone_hash || slot.phone_hash !== myPhoneHash)
  if (!role && needsLink) throw new ApiError('SIGN_WRONG_ENTERPRISE')

  const plans: SignerPlan[] = []
  let signature: PersonalSignatureRow | null | undefined
  for (const slot of slots) {
    if (slot.kind === 'seal') {
      const seal = await liveValidSeal(db, task.enterprise_id, slot, now)
      const grantId = isLegalRep ? null : await activeGrantId(db, userId, seal.id, now)
      if (!isLegalRep && !grantId) throw new ApiError('SIGN_NOT_AUTHORISED')
      plans.push({
        position: slot.position,
        kind: 'seal',
        seal,
        basis: isLegalRep ? 'legal_representative' : 'grant',
        grantId,
      })
      continue
    }
    const slotRole = slot.role ?? 'handler'
    const phoneOk = !slot.phone_hash || slot.phone_hash === myPhoneHash
    const roleOk = slotRole === 'handler' || isLegalRep
    if (!phoneOk || !roleOk) {
      throw new ApiError('SIGN_NOT_AUTHORISED', { message: '该签章任务要求的签名人不是您' })
    }
    signature ??= await liveSignatureOf(db, userId)
    if (!signature || new Date(signature.valid_to).getTime() <= now) throw new ApiError('SIGNATURE_NOT_CLAIMED')
    plans.push({ position: slot.position, kind: 'personal', signature, role: slotRole })
  }
  return plans
}
