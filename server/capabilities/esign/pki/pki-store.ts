import type { Queryable } from '../../../kernel/db/db'
import { SEAL_TYPE_LABELS, type SealType } from '../../../../src/domain/signing/sealTypes'
import type { HolderSubject } from './ca'
import type { RevokedEntry } from './certificates'
import type { PkiServices } from './pki-keys'
import { makeSesSeal, sealInfo } from './ses'

/** Certificates and SES_Seal of seals and personal signatures, as stored (migration 014). */

export type KeyHolder = { kind: 'seal'; id: string } | { kind: 'personal'; id: string }

export interface HolderCredentials {
  serialHex: string
  certificateDer: Buffer
  sesSealDer: Buffer
}

interface HolderRow {
  name: string
  image_svg: string
  public_key_hex: string
  valid_from: Date
  valid_to: Date
  created_at: Date
  enterprise_name: string | null
  holder_uscc: string | null
  seal_type: SealType | null
  id_masked: string | null
}

const holderColumn = (holder: KeyHolder) => (holder.kind === 'seal' ? 'seal_id' : 'personal_signature_id')

async function storedCredentials(db: Queryable, holder: KeyHolder): Promise<HolderCredentials | null> {
  const { rows } = await db.query<{ serial: string; certificate: string; ses_seal: string }>(
    `select serial, certificate, ses_seal from pki_certificates where ${holderColumn(holder)} = $1 and revoked_at is null`,
    [holder.id],
  )
  const row = rows[0]
  if (!row) return null
  return {
    serialHex: row.serial,
    certificateDer: Buffer.from(row.certificate, 'base64'),
    sesSealDer: Buffer.from(row.ses_seal, 'base64'),
  }
}

async function holderRow(db: Queryable, holder: KeyHolder): Promise<HolderRow> {
  const sql =
    holder.kind === 'seal'
      ? `select s.name, s.image_svg, s.public_key_hex, s.valid_from, s.valid_to, s.created_at, e.name as enterprise_name,
           s.holder_uscc, s.type as seal_type, null as id_masked
         from seals s join enterprises e on e.id = s.enterprise_id where s.id = $1`
      : `select holder_name as name, image_svg, public_key_hex, valid_from, valid_to, created_at, null as enterprise_name,
           null as holder_uscc, null as seal_type, id_masked
         from personal_signatures where id = $1`
  const { rows } = await db.query<HolderRow>(sql, [holder.id])
  if (!rows[0]) throw new Error(`no ${holder.kind} ${holder.id} to certify`)
  return rows[0]
}

function subjectOfRow(holder: KeyHolder, row: HolderRow): HolderSubject {
  return holder.kind === 'seal'
    ? {
        kind: 'seal',
        enterpriseName: row.enterprise_name!,
        uscc: row.holder_uscc!.trim(),
        sealName: row.name,
        sealTypeLabel: SEAL_TYPE_LABELS[row.seal_type!],
      }
    : { kind: 'personal', name: row.name, idMasked: row.id_masked! }
}

/**
 * The holder's live certificate and SES_Seal, issued on first need (at claim; for a seal older
 * than the CA, at its first signature). Twelve requests at once: the unique index keeps one, the
 * others read it back.
 */
export async function ensureCredentials(
  db: Queryable,
  pki: PkiServices,
  holder: KeyHolder,
): Promise<HolderCredentials> {
  const existing = await storedCredentials(db, holder)
  if (existing) return existing
  const row = await holderRow(db, holder)
  const notBefore = new Date(row.valid_from)
  const notAfter = new Date(row.valid_to)
  const issued = await pki.ca.issue({
    holder: subjectOfRow(holder, row),
    publicKeyHex: row.public_key_hex,
    notBefore,
    notAfter,
  })
  const sesSealDer = await makeSesSeal(
    sealInfo({
      esID: holder.id,
      kind: holder.kind,
      name: row.name,
      certificateDer: issued.der,
      createdAt: new Date(row.created_at),
      validFrom: notBefore,
      validTo: notAfter,
      imageSvg: row.image_svg,
    }),
    pki.ca.certificateDer,
    (der) => pki.ca.signSealInfo(der),
  )
  await db.query(
    `insert into pki_certificates (serial, ${holderColumn(holder)}, certificate, ses_seal, not_before, not_after)
     values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
    [issued.serialHex, holder.id, issued.der.toString('base64'), sesSealDer.toString('base64'), notBefore, notAfter],
  )
  const stored = await storedCredentials(db, holder)
  if (!stored) throw new Error('certificate vanished after insert')
  return stored
}

export interface CertificateStatus {
  holder: KeyHolder
  /** When the certificate (or its seal or signature) was revoked; null while it is good. */
  revokedAt: Date | null
}

const REVOKED_AT = 'coalesce(c.revoked_at, s.revoked_at, p.revoked_at)'
const WITH_HOLDERS = `pki_certificates c left join seals s on s.id = c.seal_id
  left join personal_signatures p on p.id = c.personal_signature_id`

/** null: not a certificate this CA issued (as far as this database knows). */
export async function certificateStatus(db: Queryable, serialHex: string): Promise<CertificateStatus | null> {
  const { rows } = await db.query<{
    seal_id: string | null
    personal_signature_id: string | null
    revoked_at: Date | null
  }>(
    `select c.seal_id, c.personal_signature_id, ${REVOKED_AT} as revoked_at from ${WITH_HOLDERS} where c.serial = $1`,
    [serialHex],
  )
  const row = rows[0]
  if (!row) return null
  return {
    holder: row.seal_id ? { kind: 'seal', id: row.seal_id } : { kind: 'personal', id: row.personal_signature_id! },
    revokedAt: row.revoked_at ? new Date(row.revoked_at) : null,
  }
}

export async function revokedCertificates(db: Queryable): Promise<RevokedEntry[]> {
  const { rows } = await db.query<{ serial: string; revoked_at: Date }>(
    `select c.serial, ${REVOKED_AT} as revoked_at from ${WITH_HOLDERS} where ${REVOKED_AT} is not null order by c.serial`,
  )
  return rows.map((row) => ({ serialHex: row.serial, revokedAt: new Date(row.revoked_at) }))
}

/** Revoking or replacing a seal: its live certificate is revoked with it (the seal's own revoked_at does too). */
export async function revokeCredentials(db: Queryable, holder: KeyHolder, at: Date): Promise<void> {
  await db.query(
    `update pki_certificates set revoked_at = $2 where ${holderColumn(holder)} = $1 and revoked_at is null`,
    [holder.id, at],
  )
}
