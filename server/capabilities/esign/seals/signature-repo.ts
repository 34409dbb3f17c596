import { randomUUID } from 'node:crypto'
import { ensureCredentials, revokeCredentials } from '../pki/pki-store'
import { fieldError } from '../signing/field-error'
import type { Queryable } from '../../../kernel/db/db'
import type { PersonalSignatureView, SignatureImageInput } from '../../../../src/contract/esign/schemas'
import { consumeFaceTicket } from '../face/face-tickets'
import { ApiError } from '../../../kernel/http/api-error'
import { newStoredKeyPair, signatureOwner, type KeyHolderRow } from '../signing/key-material'
import { sm2PublicKeyPem } from '../signing/sm2'
import { drawnSignatureSvg, nameSignatureSvg } from '../../../../src/domain/signing/signatureImage'
import { SEAL_VALIDITY_YEARS } from '../../../../src/domain/signing/sealTypes'
import { STROKES_PROBLEM_MESSAGES, normaliseStrokes } from '../../../../src/domain/signing/strokes'
import { SM2_WITH_SM3_OID } from '../../../../src/domain/signing/tbs'
import { assertAcceptablePin, hashPin, setSigningPin, verifySigningPin } from './pin'
import { validityStatus, yearsLater } from './seal-repo'
import type { EsignContext } from '../signing/signing-context'

/** 个人电子签名: a face-verified person's own signature picture and SM2 key pair, held like a seal. */

export interface PersonalSignatureRow extends KeyHolderRow {
  user_id: string
  holder_name: string
  id_hash: string
  id_masked: string
  image_kind: 'drawn' | 'name'
}

const COLUMNS = `id, user_id, holder_name, id_hash, id_masked, image_kind, image_svg, public_key_hex, private_key_sealed,
  valid_from, valid_to, created_at, revoked_at`

export function personalSignatureView(row: PersonalSignatureRow, now: number): PersonalSignatureView {
  return {
    id: row.id,
    holderName: row.holder_name,
    idNumberMasked: row.id_masked,
    imageKind: row.image_kind,
    imageSvg: row.image_svg,
    validFrom: new Date(row.valid_from).toISOString(),
    validTo: new Date(row.valid_to).toISOString(),
    status: validityStatus(row, now),
    createdAt: new Date(row.created_at).toISOString(),
    publicKeyPem: sm2PublicKeyPem(row.public_key_hex),
    signatureAlgorithm: SM2_WITH_SM3_OID,
  }
}

export async function liveSignatureOf(db: Queryable, userId: string): Promise<PersonalSignatureRow | null> {
  const { rows } = await db.query<PersonalSignatureRow>(
    `select ${COLUMNS} from personal_signatures where user_id = $1 and revoked_at is null`,
    [userId],
  )
  return rows[0] ?? null
}

/** The picture, from normalised strokes or the verified name; bad strokes are the client's to fix. */
function signatureImage(image: SignatureImageInput, holderName: string): string {
  if (image.kind === 'name') return nameSignatureSvg(holderName)
  const normalised = normaliseStrokes(image.strokes)
  if (!normalised.ok) {
    throw new ApiError('SIGNATURE_IMAGE_INVALID', {
      message: STROKES_PROBLEM_MESSAGES[normalised.problem],
      details: [{ field: 'image.strokes', message: STROKES_PROBLEM_MESSAGES[normalised.problem] }],
    })
  }
  return drawnSignatureSvg(normalised.path, holderName)
}

/**
 * Revokes a live personal signature and its certificate (conditional: of twelve calls at once one
 * revokes, the others find nothing live). False when it was not live.
 */
export async function revokeSignatureRow(
  ctx: Pick<EsignContext, 'db' | 'clock' | 'secrets' | 'pki'>,
  tx: Queryable,
  signatureId: string,
  reason: string,
): Promise<boolean> {
  const at = new Date(ctx.clock())
  const { rows } = await tx.query(
    `update personal_signatures set revoked_at = $2, revoke_reason = $3 where id = $1 and revoked_at is null returning id`,
    [signatureId, at, reason],
  )
  if (!rows[0]) return false
  await revokeCredentials(tx, { kind: 'personal', id: signatureId }, at)
  return true
}

/** 注销个人电子签名 by its owner, confirmed by the signing PIN or a 'seal-revoke' face ticket of the same person. */
export async function revokePersonalSignature(
  ctx: Pick<EsignContext, 'db' | 'clock' | 'secrets' | 'pki'>,
  input: { userId: string; reason: string; pin?: string; ticket?: string },
): Promise<PersonalSignatureView> {
  if (!input.pin && !input.ticket) throw fieldError('pin', '请输入签署密码或刷脸确认')
  if (input.pin) await verifySigningPin(ctx, input.userId, input.pin)
  return ctx.db.transaction(async (tx) => {
    const live = await liveSignatureOf(tx, input.userId)
    if (input.ticket) {
      const person = await consumeFaceTicket(
        tx,
        input.ticket,
        { userId: input.userId, purpose: 'seal-revoke' },
        ctx.clock(),
      )
      if (live && live.id_hash !== person.idHash) throw new ApiError('FACE_MISMATCH')
    }
    if (!live || !(await revokeSignatureRow(ctx, tx, live.id, input.reason)))
      throw new ApiError('SIGNATURE_NOT_CLAIMED')
    const { rows } = await tx.query<PersonalSignatureRow>(`select ${COLUMNS} from personal_signatures where id = $1`, [
      live.id,
    ])
    return personalSignatureView(rows[0], ctx.clock())
  })
}

export async function claimPersonalSignature(
  ctx: Pick<EsignContext, 'db' | 'clock' | 'secrets' | 'pki'>,
  input: {
    userId: string
    ticket: string
    pin: string
    image: SignatureImageInput
    /** 重新签发: the live signature (same person, by the face check) is revoked in the same transaction. */
    replacing?: { reason: string }
  },
): Promise<PersonalSignatureView> {
  assertAcceptablePin(input.pin)
  // Checked before the ticket is used up, so a bad drawing does not cost another face scan.
  if (input.image.kind === 'drawn') signatureImage(input.image, '')
  const pinHash = await hashPin(input.pin)
  return ctx.db.transaction(async (tx) => {
    const person = await consumeFaceTicket(
      tx,
      input.ticket,
      { userId: input.userId, purpose: 'claim-signature' },
      ctx.clock(),
    )
    if (input.replacing) {
      const live = await liveSignatureOf(tx, input.userId)
      if (!live) throw new ApiError('SIGNATURE_NOT_CLAIMED')
      if (live.id_hash !== person.idHash) throw new ApiError('FACE_MISMATCH')
      await revokeSignatureRow(ctx, tx, live.id, input.replacing.reason)
    }
    if (await liveSignatureOf(tx, input.userId)) throw new ApiError('SIGNATURE_ALREADY_CLAIMED')
    const id = randomUUID()
    const keys = newStoredKeyPair(ctx.secrets.vault, signatureOwner(id))
    const validFrom = new Date(ctx.clock())
    await tx.query(
      `insert into personal_signatures (id, user_id, holder_name, id_hash, id_masked, image_kind, image_svg,
         public_key_hex, private_key_sealed, valid_from, valid_to)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        id,
        input.userId,
        person.name,
        person.idHash,
        person.idMasked,
        input.image.kind,
        signatureImage(input.image, person.name),
        keys.publicKeyHex,
        keys.privateKeySealed,
        validFrom,
        yearsLater(validFrom, SEAL_VALIDITY_YEARS),
      ],
    )
    await ensureCredentials(tx, ctx.pki, { kind: 'personal', id })
    await setSigningPin(tx, input.userId, pinHash, ctx.clock())
    await tx.query('update users set name = $2 where id = $1 and name is null', [input.userId, person.name])
    const created = await liveSignatureOf(tx, input.userId)
    if (!created) throw new Error('signature vanished after insert')
    return personalSignatureView(created, validFrom.getTime())
  })
}
