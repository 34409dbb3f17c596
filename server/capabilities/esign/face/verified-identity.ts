import type { Queryable } from '../../../kernel/db/db'
import { ApiError } from '../../../kernel/http/api-error'
import { maskName } from '../../../../src/domain/mask'
import type { VerifiedIdentityView } from '../../../../src/contract/esign/schemas'
import type { FacePerson } from './face-provider'
import type { ServiceContext } from '../../../kernel/service-context'
import { sqlInstant } from '../../../kernel/db/sql-instant'

/**
 * Identity once: the person a user last passed a face verification as, so 刷脸 / 印章 / 签章 need not
 * ask for the name and 身份证号 again. The number is kept sealed by the key vault, bound to the
 * user (a sealed value copied onto another user's row does not open), and only ever leaves the
 * server towards the face provider; clients see the masked form.
 */

/** The key-vault owner of a user's sealed ID number (the face session holds it under the same). */
export function identityOwner(userId: string): string {
  return `identity:${userId}`
}

export async function verifiedIdentityOf(db: Queryable, userId: string): Promise<VerifiedIdentityView | null> {
  const { rows } = await db.query<{ person_name: string; id_masked: string; verified_at: Date }>(
    'select person_name, id_masked, verified_at from verified_identities where user_id = $1',
    [userId],
  )
  const row = rows[0]
  if (!row) return null
  return {
    nameMasked: maskName(row.person_name),
    idNumberMasked: row.id_masked,
    verifiedAt: new Date(row.verified_at).toISOString(),
  }
}

/** The person to verify again, in full, for the provider; 409 when none is on record. */
export async function verifiedPersonOf(
  ctx: Pick<ServiceContext, 'db' | 'log' | 'secrets'>,
  userId: string,
): Promise<FacePerson> {
  const { rows } = await ctx.db.query<{ person_name: string; id_sealed: string }>(
    'select person_name, id_sealed from verified_identities where user_id = $1',
    [userId],
  )
  if (!rows[0]) throw new ApiError('VERIFIED_IDENTITY_NONE')
  let idNumber: string
  try {
    idNumber = ctx.secrets.vault.open(rows[0].id_sealed, identityOwner(userId))
  } catch {
    // Sealed under another master key (rotated without re-sealing) or damaged: the person types
    // the number once more, as when none is on record — never a server error.
    ctx.log.warn({ userId }, 'verified identity could not be opened; asking for it again')
    throw new ApiError('VERIFIED_IDENTITY_NONE')
  }
  return { name: rows[0].person_name, idNumber }
}

/** After a pass at `now` (the app clock): this person is the user's verified identity (the latest pass wins). */
export async function recordVerifiedIdentity(
  tx: Queryable,
  userId: string,
  person: { name: string; idHash: string; idMasked: string; idSealed: string },
  now: number,
): Promise<void> {
  await tx.query(
    `insert into verified_identities (user_id, person_name, id_hash, id_masked, id_sealed, verified_at)
     values ($1, $2, $3, $4, $5, ${sqlInstant(now)})
     on conflict (user_id) do update set person_name = excluded.person_name, id_hash = excluded.id_hash,
       id_masked = excluded.id_masked, id_sealed = excluded.id_sealed, verified_at = excluded.verified_at`,
    [userId, person.name, person.idHash, person.idMasked, person.idSealed],
  )
}

/** Withdrawn consent: the identity kept for reuse goes (the user types it again after re-consenting). */
export async function forgetVerifiedIdentity(tx: Queryable, userId: string): Promise<void> {
  await tx.query('delete from verified_identities where user_id = $1', [userId])
}
