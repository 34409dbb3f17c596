import { randomUUID } from 'node:crypto'
import type { EnterpriseAccess } from '../../../kernel/app-context'
import type { Queryable } from '../../../kernel/db/db'
import type { SealListResponse, SealStatus, SealView } from '../../../../src/contract/esign/schemas'
import { consumeFaceTicket } from '../face/face-tickets'
import { ApiError } from '../../../kernel/http/api-error'
import { newStoredKeyPair, sealOwner, type KeyHolderRow } from '../signing/key-material'
import { sm2PublicKeyPem } from '../signing/sm2'
import { maskName } from '../../../../src/domain/mask'
import { renderSealSvg } from '../../../../src/domain/signing/sealImage'
import {
  SEAL_TYPES,
  SEAL_TYPE_LABELS,
  SEAL_VALIDITY_YEARS,
  sealName,
  type SealType,
} from '../../../../src/domain/signing/sealTypes'
import { SM2_WITH_SM3_OID } from '../../../../src/domain/signing/tbs'
import { ensureCredentials } from '../pki/pki-store'
import { recordAudit } from './audit'
import { roleMay } from '../../../../src/domain/access/permissions'
import { liveGrant } from '../../../kernel/auth/live-grant'
import { assertAcceptablePin, hashPin, setSigningPin } from './pin'
import type { EsignContext } from '../signing/signing-context'
import { sqlInstant } from '../../../kernel/db/sql-instant'

export interface SealRow extends KeyHolderRow {
  enterprise_id: string
  type: SealType
  name: string
  holder_uscc: string
}

export const SEAL_COLUMNS = `s.id, s.enterprise_id, s.type, s.name, s.holder_uscc, s.image_svg, s.public_key_hex,
  s.private_key_sealed, s.valid_from, s.valid_to, s.created_at, s.revoked_at`

export function validityStatus(
  row: { valid_from: Date; valid_to: Date; revoked_at: Date | null },
  now: number,
): SealStatus {
  if (row.revoked_at) return 'revoked'
  return new Date(row.valid_to).getTime() <= now ? 'expired' : 'valid'
}

export function yearsLater(date: Date, years: number): Date {
  const later = new Date(date)
  later.setUTCFullYear(later.getUTCFullYear() + years)
  return later
}

/** The only way a seal leaves the server: public fields listed one by one, never the sealed key. */
export function sealView(row: SealRow, now: number): SealView {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    type: row.type,
    typeLabel: SEAL_TYPE_LABELS[row.type],
    name: row.name,
    holderUscc: row.holder_uscc,
    validFrom: new Date(row.valid_from).toISOString(),
    validTo: new Date(row.valid_to).toISOString(),
    status: validityStatus(row, now),
    imageSvg: row.image_svg,
    createdAt: new Date(row.created_at).toISOString(),
    publicKeyPem: sm2PublicKeyPem(row.public_key_hex),
    signatureAlgorithm: SM2_WITH_SM3_OID,
  }
}

export async function liveSeals(db: Queryable, enterpriseId: string): Promise<SealRow[]> {
  const { rows } = await db.query<SealRow>(
    `select ${SEAL_COLUMNS} from seals s where s.enterprise_id = $1 and s.revoked_at is null
     order by array_position(array['official','finance','contract','legal_representative'], s.type)`,
    [enterpriseId],
  )
  return rows
}

/** Live, currently valid seals of the enterprise that the user holds an active grant for. */
export async function grantedSeals(
  db: Queryable,
  userId: string,
  enterpriseId: string,
  now: number,
): Promise<SealRow[]> {
  const { rows } = await db.query<SealRow>(
    `select distinct ${SEAL_COLUMNS} from seals s
     join seal_grant_seals gs on gs.seal_id = s.id
     join seal_grants g on g.id = gs.grant_id
     where s.enterprise_id = $2 and s.revoked_at is null and s.valid_to > ${sqlInstant(now)}
       and g.grantee_user_id = $1 and ${liveGrant(now)}`,
    [userId, enterpriseId],
  )
  return rows.sort((a, b) => SEAL_TYPES.indexOf(a.type) - SEAL_TYPES.indexOf(b.type))
}

export async function sealsVisibleTo(
  ctx: Pick<EsignContext, 'db' | 'clock' | 'secrets' | 'pki'>,
  userId: string,
  access: EnterpriseAccess,
): Promise<SealListResponse> {
  const all = await liveSeals(ctx.db, access.enterpriseId)
  // Whoever manages the grants sees every seal; everyone else sees what a live grant gives them.
  const canManage = roleMay(access.role, 'grants:manage', true)
  const visible = canManage ? all : await grantedSeals(ctx.db, userId, access.enterpriseId, ctx.clock())
  return { seals: visible.map((row) => sealView(row, ctx.clock())), claimed: all.length > 0, canManage }
}

/**
 * One new seal of `type` with its own SM2 key pair, certificate and SES_Seal (claim and 重新制章).
 * Runs inside the caller's transaction; the partial unique index keeps one live seal per type.
 */
export async function insertSeal(
  ctx: Pick<EsignContext, 'db' | 'clock' | 'secrets' | 'pki'>,
  tx: Queryable,
  input: {
    enterpriseId: string
    enterprise: { name: string; uscc: string; legal_representative: string }
    type: SealType
    validFrom: Date
    claimedBy: string
  },
): Promise<string> {
  const { enterprise, type } = input
  const id = randomUUID()
  const keys = newStoredKeyPair(ctx.secrets.vault, sealOwner(id))
  await tx.query(
    `insert into seals (id, enterprise_id, type, name, holder_uscc, image_svg, public_key_hex, private_key_sealed,
       valid_from, valid_to, claimed_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      id,
      input.enterpriseId,
      type,
      sealName(type, enterprise.name, enterprise.legal_representative),
      enterprise.uscc,
      renderSealSvg({ type, enterpriseName: enterprise.name, legalRepresentative: enterprise.legal_representative }),
      keys.publicKeyHex,
      keys.privateKeySealed,
      input.validFrom,
      yearsLater(input.validFrom, SEAL_VALIDITY_YEARS),
      input.claimedBy,
    ],
  )
  // Certificate from the seal CA and the GB/T 38540 seal data, issued with the seal.
  await ensureCredentials(tx, ctx.pki, { kind: 'seal', id })
  return id
}

/**
 * 领取电子印章: the face-verified legal representative (same name and ID-number HMAC as the
 * registry) gets the four seals, each with its own SM2 key pair, and sets the signing PIN.
 */
export async function claimSeals(
  ctx: Pick<EsignContext, 'db' | 'clock' | 'secrets' | 'pki'>,
  input: { userId: string; enterpriseId: string; ticket: string; pin: string },
): Promise<SealView[]> {
  assertAcceptablePin(input.pin)
  const pinHash = await hashPin(input.pin)
  return ctx.db.transaction(async (tx) => {
    const person = await consumeFaceTicket(
      tx,
      input.ticket,
      { userId: input.userId, purpose: 'claim-seal' },
      ctx.clock(),
    )
    const { rows } = await tx.query<{ name: string; uscc: string; legal_representative: string; hash: string | null }>(
      `select name, uscc, legal_representative, legal_representative_id_hash as hash from enterprises where id = $1 for update`,
      [input.enterpriseId],
    )
    const enterprise = rows[0]
    if (!enterprise?.hash || enterprise.hash !== person.idHash || enterprise.legal_representative !== person.name) {
      throw new ApiError('NOT_LEGAL_REPRESENTATIVE')
    }
    if ((await liveSeals(tx, input.enterpriseId)).length > 0) throw new ApiError('SEALS_ALREADY_CLAIMED')

    const validFrom = new Date(ctx.clock())
    for (const type of SEAL_TYPES) {
      await insertSeal(ctx, tx, {
        enterpriseId: input.enterpriseId,
        enterprise,
        type,
        validFrom,
        claimedBy: input.userId,
      })
    }
    await setSigningPin(tx, input.userId, pinHash, ctx.clock())
    await tx.query(
      `update user_enterprises set role = 'legal_representative' where user_id = $1 and enterprise_id = $2`,
      [input.userId, input.enterpriseId],
    )
    await recordAudit(tx, {
      enterpriseId: input.enterpriseId,
      action: 'claim',
      actorUserId: input.userId,
      detail: `法定代表人 ${maskName(person.name)} 刷脸后领取电子印章：${SEAL_TYPES.map((t) => SEAL_TYPE_LABELS[t]).join('、')}`,
    })
    return (await liveSeals(tx, input.enterpriseId)).map((row) => sealView(row, validFrom.getTime()))
  })
}
