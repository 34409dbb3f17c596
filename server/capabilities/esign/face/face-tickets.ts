import type { Queryable } from '../../../kernel/db/db'
import { newOpaqueToken, sha256Hex } from '../../../kernel/auth/tokens'
import { ApiError } from '../../../kernel/http/api-error'
import type { FacePurpose } from '../../../../src/contract/esign/schemas'
import { sqlInstant } from '../../../kernel/db/sql-instant'
/**
 * A passed face verification yields a ticket: 256 random bits, bound to the user, the verified
 * person and one purpose, valid five minutes, usable once. Only its SHA-256 is stored, and using
 * it is one conditional UPDATE, so two requests racing with the same ticket cannot both win.
 * Its five minutes are the app clock's (`now`, ms): set by it when issued, checked by it when used.
 */

export const FACE_TICKET_TTL_MINUTES = 5

/** The person a consumed ticket vouches for. */
export interface VerifiedPerson {
  name: string
  idHash: string
  idMasked: string
}

export async function issueFaceTicket(
  tx: Queryable,
  session: { id: string; userId: string; purpose: string } & VerifiedPerson,
  now: number,
): Promise<{ ticket: string; expiresAt: Date }> {
  const ticket = newOpaqueToken()
  const { rows } = await tx.query<{ expires_at: Date }>(
    `insert into face_tickets (token_hash, session_id, user_id, purpose, person_name, id_hash, id_masked, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7, ${sqlInstant(now)} + make_interval(mins => $8)) returning expires_at`,
    [
      sha256Hex(ticket),
      session.id,
      session.userId,
      session.purpose,
      session.name,
      session.idHash,
      session.idMasked,
      FACE_TICKET_TTL_MINUTES,
    ],
  )
  return { ticket, expiresAt: new Date(rows[0].expires_at) }
}

/** Uses the ticket up, or says (in Chinese) why it cannot be used. */
export async function consumeFaceTicket(
  db: Queryable,
  ticket: string,
  expected: { userId: string; purpose: FacePurpose },
  now: number,
): Promise<VerifiedPerson> {
  const tokenHash = sha256Hex(ticket)
  const at = sqlInstant(now)
  const { rows } = await db.query<{ person_name: string; id_hash: string; id_masked: string }>(
    `update face_tickets set used_at = ${at}
     where token_hash = $1 and user_id = $2 and purpose = $3 and used_at is null and expires_at > ${at}
     returning person_name, id_hash, id_masked`,
    [tokenHash, expected.userId, expected.purpose],
  )
  if (rows[0]) return { name: rows[0].person_name, idHash: rows[0].id_hash, idMasked: rows[0].id_masked }

  const { rows: found } = await db.query<{ user_id: string; purpose: string; used: boolean; expired: boolean }>(
    `select user_id, purpose, used_at is not null as used, expires_at <= ${at} as expired
     from face_tickets where token_hash = $1`,
    [tokenHash],
  )
  const row = found[0]
  // Someone else's ticket reads as unknown: its existence is not the caller's business.
  if (!row || row.user_id !== expected.userId) throw new ApiError('FACE_TICKET_INVALID')
  if (row.used) throw new ApiError('FACE_TICKET_INVALID', { message: '该刷脸认证已使用过，请重新刷脸' })
  if (row.expired) throw new ApiError('FACE_TICKET_INVALID', { message: '刷脸认证已超过 5 分钟有效期，请重新刷脸' })
  throw new ApiError('FACE_TICKET_INVALID', { message: '该刷脸认证不能用于本次操作，请重新刷脸' })
}
