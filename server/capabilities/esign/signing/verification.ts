import type { Queryable } from '../../../kernel/db/db'
import { parseTbs, type TbsSign } from '../../../../src/domain/signing/tbs'
import { isUuid } from '../../../kernel/http/input-door'
import type {
  SealVerificationChecks,
  SealVerificationRequest,
  SealVerificationResult,
} from '../../../../src/contract/esign/schemas'
import { fieldError } from './field-error'
import { publicKeySm3 } from './signature-record'
import { authorisationStep } from './verification-steps'
import { parseSm2PublicKeyPem, sm2Verify, sm3Hex } from './sm2'
import type { PkiServices } from '../pki/pki-keys'
import { certificateStatus } from '../pki/pki-store'
import { failedSteps, verifySesSignature, type VerificationStep as SesStep } from '../pki/ses-verify'
import type { VerificationStep } from '../../../../src/contract/esign/schemas'

/**
 * 验章, open to anyone: is this signature ours, over this document, by a seal that was valid and
 * not revoked when it signed, by someone allowed to use it then? The record's own public key is
 * only compared, never trusted: the signature must verify under the key registered for the seal
 * the signed bytes name. `sealNotRevoked` means no revocation before the signing time (a seal
 * revoked later does not undo what it signed while it was good).
 */

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

const PROBLEMS: Record<keyof SealVerificationChecks, string> = {
  hashMatches: '文件摘要与签章记录不一致：文件可能已被修改',
  signatureValid: '签名值无效，或签章所用密钥与登记的印章不符',
  sealValidAtSigningTime: '签章时印章不在有效期内',
  signerAuthorisedAtSigningTime: '无法确认签章人当时有权使用该印章',
  sealNotRevoked: '印章在签章前已被停用',
}

export function decodeBase64(field: string, text: string): Buffer {
  const compact = text.replace(/\s+/g, '')
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) throw fieldError(field, `${field} 应为 base64`)
  return Buffer.from(compact, 'base64')
}

export function documentHash(request: Pick<SealVerificationRequest, 'document' | 'documentSm3'>): string {
  if ((request.document === undefined) === (request.documentSm3 === undefined)) {
    throw fieldError('document', '请提供 document（文件 base64）或 documentSm3 其中之一')
  }
  if (request.documentSm3 !== undefined) {
    if (!/^[0-9a-fA-F]{64}$/.test(request.documentSm3))
      throw fieldError('documentSm3', 'documentSm3 应为 64 位十六进制')
    return request.documentSm3.toLowerCase()
  }
  return sm3Hex(decodeBase64('document', request.document!))
}

interface RegisteredKey {
  public_key_hex: string
  valid_from: Date
  valid_to: Date
  revoked_at: Date | null
  holder_user_id: string | null
}

async function registeredKey(db: Queryable, tbs: TbsSign): Promise<RegisteredKey | null> {
  const sql =
    tbs.eseal.kind === 'seal'
      ? 'select public_key_hex, valid_from, valid_to, revoked_at, null::uuid as holder_user_id from seals where id = $1'
      : 'select public_key_hex, valid_from, valid_to, revoked_at, user_id as holder_user_id from personal_signatures where id = $1'
  const { rows } = await db.query<RegisteredKey>(sql, [tbs.eseal.id])
  return rows[0] ?? null
}

/** Our own record of the signature, and — for a grant — whether the grant covered the signing time. */
async function authorisedAtSigning(
  db: Queryable,
  tbs: TbsSign,
  signatureBase64: string,
  signedAt: Date,
): Promise<boolean> {
  const { rows } = await db.query<{ signer_user_id: string | null; tbs: string }>(
    'select signer_user_id, tbs from signature_records where signature = $1',
    [signatureBase64],
  )
  const record = rows[0]
  const { signer } = tbs.propertyInfo
  if (!record || record.signer_user_id !== signer.userId) return false
  if (signer.basis !== 'grant') return true // checked when signing; the record proves the check passed
  const { rows: grants } = await db.query<{ ok: boolean }>(
    `select g.accepted_at is not null and g.accepted_at <= $3 and g.valid_until > $3 and (g.revoked_at is null or g.revoked_at > $3) as ok
     from seal_grants g join seal_grant_seals gs on gs.grant_id = g.id
     where g.id = $1 and gs.seal_id = $2 and g.grantee_user_id = $4`,
    [signer.grantId, tbs.eseal.id, signedAt, signer.userId],
  )
  return grants[0]?.ok === true
}

/**
 * The signed data names rows by id; ours are uuids. One that is not (a hand-made record) is the
 * request's fault, said in Chinese, not a database error.
 */
function requireStorableIds(tbs: TbsSign): void {
  const { signer } = tbs.propertyInfo
  const ids: [string, string | null][] = [
    ['eseal.id', tbs.eseal.id],
    ['propertyInfo.taskId', tbs.propertyInfo.taskId],
    ['propertyInfo.signer.userId', signer.userId],
    ['propertyInfo.signer.grantId', signer.grantId],
  ]
  for (const [field, id] of ids) {
    if (id !== null && !isUuid(id)) {
      throw fieldError('signatureRecord.tbs', `签章数据中的 ${field} 不是有效的编号，该记录不是本平台生成的`)
    }
  }
}

/** A GB/T 38540 step as the contract names it (the app lists `name`, ✓/✗ and `text`). */
function asContractStep(step: SesStep): VerificationStep {
  return { key: step.key, name: step.name, passed: step.ok, text: step.reason }
}

/** The DER SES_Signature: as sent, or — for a record of ours sent without it — as we stored it. */
async function sesSignatureOf(
  db: Queryable,
  request: SealVerificationRequest,
  signatureBase64: string,
): Promise<Buffer | null> {
  const sent = request.signatureRecord?.sesSignature
  if (typeof sent === 'string') return decodeBase64('signatureRecord.sesSignature', sent)
  const { rows } = await db.query<{ ses_signature: string | null }>(
    'select ses_signature from signature_records where signature = $1',
    [signatureBase64],
  )
  return rows[0]?.ses_signature ? Buffer.from(rows[0].ses_signature, 'base64') : null
}

/**
 * GB/T 38540 steps over the DER SES_Signature, which must say what the JSON record says (same
 * seal, time and document hash) — two views of one signature, never two different ones.
 */
async function gbtSteps(
  db: Queryable,
  pki: PkiServices,
  der: Buffer | null,
  tbs: TbsSign,
  expectedHash: string,
): Promise<SesStep[]> {
  const hashStep: SesStep = {
    key: 'documentHash',
    name: '原文杂凑',
    ok: tbs.dataHash === expectedHash,
    reason:
      tbs.dataHash === expectedHash
        ? '文件与签章时一致，未被修改'
        : '文件与签章时不一致：文件可能被修改过，或不是签章的那份文件',
  }
  if (!der) return failedSteps('该签章没有 GB/T 38540 签章数据（早于电子印章证书体系），无法按国标验证', hashStep)
  const trust = {
    caCertificateDer: pki.ca.certificateDer,
    caPublicKeyHex: pki.ca.publicKeyHex,
    tsaPublicKeyHex: pki.tsa.publicKeyHex,
  }
  const { steps, facts } = await verifySesSignature(der, expectedHash, trust, (serial) => certificateStatus(db, serial))
  const consistent =
    facts !== null &&
    facts.esID === tbs.eseal.id &&
    facts.timeInfo.toISOString() === tbs.timeInfo &&
    facts.dataHashHex === tbs.dataHash
  if (facts && !consistent) {
    steps[0] = { ...steps[0], ok: false, reason: '签章数据（DER）与签章记录（JSON）所述的印章、时间或文件不一致' }
  }
  return steps
}

export async function verifySealSignature(
  db: Queryable,
  request: SealVerificationRequest & { signatureRecord: NonNullable<SealVerificationRequest['signatureRecord']> },
  pki: PkiServices,
): Promise<SealVerificationResult> {
  const { signatureRecord } = request
  const expectedHash = documentHash(request)
  const tbsBytes = decodeBase64('signatureRecord.tbs', signatureRecord.tbs)
  const signatureDer = decodeBase64('signatureRecord.signature', signatureRecord.signature)
  const signatureBase64 = signatureDer.toString('base64')

  const checks: SealVerificationChecks = {
    hashMatches: false,
    signatureValid: false,
    sealValidAtSigningTime: false,
    signerAuthorisedAtSigningTime: false,
    sealNotRevoked: false,
  }
  const parsed = parseTbs(tbsBytes.toString('utf8'))
  if (!parsed.ok) {
    return {
      valid: false,
      checks,
      seal: null,
      signedAt: null,
      problems: ['签章记录无法解析：不是本平台生成的签章数据'],
      steps: failedSteps('签章记录无法解析：不是本平台生成的签章数据').map(asContractStep),
    }
  }
  const { tbs } = parsed
  requireStorableIds(tbs)
  const signedAt = new Date(tbs.timeInfo)
  checks.hashMatches = tbs.dataHash === expectedHash

  const registered = await registeredKey(db, tbs)
  if (registered) {
    const recordKey = parseSm2PublicKeyPem(signatureRecord.signerPublicKey)
    checks.signatureValid =
      recordKey === registered.public_key_hex &&
      publicKeySm3(registered.public_key_hex) === tbs.eseal.publicKeySm3 &&
      sm2Verify(tbsBytes, signatureDer, registered.public_key_hex)
    checks.sealValidAtSigningTime =
      new Date(registered.valid_from).getTime() <= signedAt.getTime() &&
      signedAt.getTime() < new Date(registered.valid_to).getTime() &&
      new Date(registered.valid_from).toISOString() === tbs.eseal.validFrom &&
      new Date(registered.valid_to).toISOString() === tbs.eseal.validTo
    checks.sealNotRevoked = !registered.revoked_at || new Date(registered.revoked_at).getTime() > signedAt.getTime()
    // Only a signature that verifies can have been authorised; a personal one only for its holder.
    checks.signerAuthorisedAtSigningTime =
      checks.signatureValid &&
      (tbs.eseal.kind === 'seal' || registered.holder_user_id === tbs.propertyInfo.signer.userId) &&
      (await authorisedAtSigning(db, tbs, signatureBase64, signedAt))
  }
  const problems = (Object.keys(checks) as (keyof SealVerificationChecks)[])
    .filter((check) => !checks[check])
    .map((check) => PROBLEMS[check])
  if (!registered) problems.unshift('该印章未在本平台登记')
  const steps = await gbtSteps(db, pki, await sesSignatureOf(db, request, signatureBase64), tbs, expectedHash)
  for (const failed of steps.filter((s) => !s.ok && s.key !== 'documentHash')) {
    problems.push(`${failed.name}：${failed.reason}`)
  }
  // One list for the app, in GB/T 38540's order, with the platform's own authorisation check after
  // the signer's certificate (who may use the seal is ours to know, not the standard's).
  const listed = steps.map(asContractStep)
  listed.splice(2, 0, authorisationStep(checks))
  return {
    valid: Object.values(checks).every(Boolean) && steps.every((s) => s.ok),
    checks,
    seal: { id: tbs.eseal.id, kind: tbs.eseal.kind, name: tbs.eseal.name, holder: tbs.eseal.holder },
    signedAt: tbs.timeInfo,
    problems,
    steps: listed,
  }
}

/** Our record's id for a signature record as sent (its SM2 signature is unique), or null. */
export async function recordIdOfSignature(db: Queryable, signatureBase64: string): Promise<string | null> {
  const normal = decodeBase64('signatureRecord.signature', signatureBase64).toString('base64')
  const { rows } = await db.query<{ id: string }>('select id from signature_records where signature = $1', [normal])
  return rows[0]?.id ?? null
}
