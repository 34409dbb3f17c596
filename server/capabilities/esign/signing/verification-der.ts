import type { Queryable } from '../../../kernel/db/db'
import { ApiError } from '../../../kernel/http/api-error'
import { isUuid } from '../../../kernel/http/input-door'
import type { SealVerificationResult, VerificationStep } from '../../../../src/contract/esign/schemas'
import type { PkiServices } from '../pki/pki-keys'
import { certificateStatus } from '../pki/pki-store'
import { verifySesSignature } from '../pki/ses-verify'
import { sm2PublicKeyPem } from './sm2'
import { verifySealSignature } from './verification'

/**
 * 验章 from the SES_Signature file (DER) alone: the signer's certificate, the seal and the timestamp
 * all come from it. When it is one of ours, byte for byte, our record of it adds the platform's
 * authorisation check and the answer is the one its verification link gives. Otherwise every GB/T
 * 38540 step still runs on what it says (a signature of another platform fails 签章人证书), and
 * authorisation cannot be confirmed. Bytes that are not an SES_Signature at all are the request's
 * fault: 400 SIGNATURE_FILE_UNREADABLE.
 */

/** 48 KB: ours are ≈ 6–12 KB (two certificates, the seal picture, the timestamp). */
export const SES_DER_MAX_BYTES = 48 * 1024

interface StoredRecord {
  id: string
  tbs: string
  signature: string
  public_key_hex: string
}

async function storedRecordOf(
  db: Queryable,
  esID: string,
  timeInfo: Date,
  derBase64: string,
): Promise<StoredRecord | null> {
  // esID names our seal or personal signature (a uuid); anything else was never ours, and must not
  // reach SQL (PostgreSQL refuses NUL bytes and non-uuids with an error, not "no row").
  if (!isUuid(esID)) return null
  const { rows } = await db.query<StoredRecord>(
    `select r.id, r.tbs, r.signature, coalesce(s.public_key_hex, p.public_key_hex) as public_key_hex
     from signature_records r
     left join seals s on s.id = r.seal_id
     left join personal_signatures p on p.id = r.personal_signature_id
     where (r.seal_id = $1 or r.personal_signature_id = $1) and r.signed_at = $2 and r.ses_signature = $3`,
    [esID.toLowerCase(), timeInfo, derBase64],
  )
  return rows[0] ?? null
}

const NOT_OURS = '本平台没有该签章的记录，无法确认签章人在签章时有权使用该印章'

export async function verifySesDer(
  db: Queryable,
  pki: PkiServices,
  der: Buffer,
  documentSm3: string,
): Promise<{ result: SealVerificationResult; recordId: string | null }> {
  if (der.length === 0 || der.length > SES_DER_MAX_BYTES) {
    throw new ApiError('SIGNATURE_FILE_UNREADABLE', {
      message: `签章文件应为 1 字节至 ${SES_DER_MAX_BYTES / 1024} KB 的 GB/T 38540 签章数据（DER）`,
    })
  }
  const trust = {
    caCertificateDer: pki.ca.certificateDer,
    caPublicKeyHex: pki.ca.publicKeyHex,
    tsaPublicKeyHex: pki.tsa.publicKeyHex,
  }
  const { steps, facts } = await verifySesSignature(der, documentSm3, trust, (serial) => certificateStatus(db, serial))
  if (!facts) throw new ApiError('SIGNATURE_FILE_UNREADABLE')

  const derBase64 = der.toString('base64')
  const stored = await storedRecordOf(db, facts.esID, facts.timeInfo, derBase64)
  if (stored) {
    const result = await verifySealSignature(
      db,
      {
        signatureRecord: {
          tbs: stored.tbs,
          signature: stored.signature,
          signerPublicKey: sm2PublicKeyPem(stored.public_key_hex),
          sesSignature: derBase64,
        },
        documentSm3,
      },
      pki,
    )
    return { result, recordId: stored.id }
  }

  const passed = (key: string) => steps.some((step) => step.key === key && step.ok)
  const listed: VerificationStep[] = steps.map((step) => ({
    key: step.key,
    name: step.name,
    passed: step.ok,
    text: step.reason,
  }))
  listed.splice(2, 0, { key: 'signerAuthorisedAtSigningTime', name: '签章人授权', passed: false, text: NOT_OURS })
  const problems = steps.filter((step) => !step.ok).map((step) => `${step.name}：${step.reason}`)
  problems.push(NOT_OURS)
  return {
    result: {
      valid: false,
      checks: {
        hashMatches: passed('documentHash'),
        signatureValid: passed('signatureValue') && passed('signerCertificate'),
        sealValidAtSigningTime: passed('sealValidity'),
        signerAuthorisedAtSigningTime: false,
        sealNotRevoked: passed('certificateStatus'),
      },
      // What an unknown signature claims to be is not shown as if it were established.
      seal: null,
      signedAt: facts.timeInfo.toISOString(),
      problems,
      steps: listed,
    },
    recordId: null,
  }
}
