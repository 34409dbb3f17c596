import type { SealVerificationChecks, VerificationStep } from '../contract-seals'
import type { Queryable } from '../db/db'
import { ApiError } from '../http/api-error'
import { sm2PublicKeyPem } from './sm2'

/**
 * 验章 in words a person can use: each check as a step with its name and a verdict either way, in
 * the order a reader asks. The app shows the list as it comes, so a later step (a certificate chain,
 * a timestamp) is one more entry here, not a change to the screens.
 */

const STEPS: readonly {
  key: keyof SealVerificationChecks
  name: string
  passed: string
  failed: string
}[] = [
  {
    key: 'hashMatches',
    name: '原文杂凑',
    passed: '文件与签章时一致，未被修改',
    failed: '文件与签章时不一致：文件可能被修改过，或不是签章的那份文件',
  },
  {
    key: 'signatureValid',
    name: '签章值',
    passed: '签名真实有效，由登记的印章密钥签出',
    failed: '签名无效：签章文件可能被篡改或伪造',
  },
  {
    key: 'sealValidAtSigningTime',
    name: '印章有效期',
    passed: '签章时印章在有效期内',
    failed: '签章时印章不在有效期内',
  },
  {
    key: 'signerAuthorisedAtSigningTime',
    name: '签章人授权',
    passed: '签章人在签章时有权使用该印章',
    failed: '无法确认签章人在签章时有权使用该印章',
  },
  { key: 'sealNotRevoked', name: '印章状态', passed: '签章时印章未被停用', failed: '印章在签章前已被停用' },
]

export function verificationSteps(checks: SealVerificationChecks): VerificationStep[] {
  return STEPS.map((step) => {
    const passed = checks[step.key]
    return { key: step.key, name: step.name, passed, text: passed ? step.passed : step.failed }
  })
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
