import type { Queryable } from '../../../kernel/db/db'
import { ApiError } from '../../../kernel/http/api-error'
import type { SealVerificationChecks, VerificationStep } from '../../../../src/contract/esign/schemas'
import { sm2PublicKeyPem } from './sm2'

/**
 * 验章 in words a person can use: each check as a step with its name and a verdict either way, in
 * the order a reader asks. The app shows the list as it comes, so a later step (a certificate chain,
 * a timestamp) is one more entry here, not a change to the screens.
 */

/** Whether the signer could use the seal when signing — the platform's own check, beside GB/T 38540's. */
export function authorisationStep(checks: SealVerificationChecks): VerificationStep {
  const passed = checks.signerAuthorisedAtSigningTime
  return {
    key: 'signerAuthorisedAtSigningTime',
    name: '签章人授权',
    passed,
    text: passed ? '签章人在签章时有权使用该印章' : '无法确认签章人在签章时有权使用该印章',
  }
}

/**
 * A signature record of ours by its id — what the verification link (/verify?record=<id>&hash=<sm3>)
 * names, so nobody has to carry the record itself around.
 */
export async function storedRecordForVerification(
  db: Queryable,
  recordId: string,
): Promise<{ tbs: string; signature: string; signerPublicKey: string }> {
  const { rows } = await db.query<{ tbs: string; signature: string; public_key_hex: string }>(
    `select r.tbs, r.signature, coalesce(s.public_key_hex, p.public_key_hex) as public_key_hex
     from signature_records r
     left join seals s on s.id = r.seal_id
     left join personal_signatures p on p.id = r.personal_signature_id
     where r.id = $1`,
    [recordId],
  )
  if (!rows[0]) throw new ApiError('NOT_FOUND', { message: '签章记录不存在：验章链接可能不完整，请重新打开' })
  return { tbs: rows[0].tbs, signature: rows[0].signature, signerPublicKey: sm2PublicKeyPem(rows[0].public_key_hex) }
}
