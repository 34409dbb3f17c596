import type { Queryable } from '../../../kernel/db/db'
import type { SignatureRecord } from '../../../../src/contract/esign/schemas'
import {
  SM2_DEFAULT_USER_ID,
  SM2_WITH_SM3_OID,
  SM3_OID,
  TBS_FORMAT,
  encodeTbs,
  type TbsSeal,
  type TbsSign,
  type TbsSigner,
} from '../../../../src/domain/signing/tbs'
import { sm2PublicKeyPem, sm2Sign, sm3Hex, type Sm2KeyPair } from './sm2'
import { signerCertificatePem } from '../pki/ses'

/**
 * One signature as GB/T 38540 SES_Signature has it: the to-be-signed bytes (TBS_Sign as canonical
 * JSON), the SM2 signature over them (Z with ID 1234567812345678, SM3), and the signer's key —
 * everything a verifier needs, with nothing secret in it.
 */

export interface SignInput {
  eseal: Omit<TbsSeal, 'publicKeySm3'>
  keys: Sm2KeyPair
  signedAt: Date
  documentSm3: string
  taskId: string
  documentName: string
  enterpriseUscc: string
  requestedBy: string
  signer: TbsSigner
}

export interface ProducedSignature {
  tbs: TbsSign
  tbsBytes: Buffer
  signatureDer: Buffer
}

export function publicKeySm3(publicKeyHex: string): string {
  return sm3Hex(Buffer.from(publicKeyHex, 'hex'))
}

export function produceSignature(input: SignInput): ProducedSignature {
  const tbs: TbsSign = {
    format: TBS_FORMAT,
    eseal: { ...input.eseal, publicKeySm3: publicKeySm3(input.keys.publicKeyHex) },
    timeInfo: input.signedAt.toISOString(),
    dataHash: input.documentSm3,
    dataHashAlgorithm: SM3_OID,
    signatureAlgorithm: SM2_WITH_SM3_OID,
    propertyInfo: {
      taskId: input.taskId,
      documentName: input.documentName,
      enterpriseUscc: input.enterpriseUscc,
      requestedBy: input.requestedBy,
      signer: input.signer,
    },
  }
  const tbsBytes = Buffer.from(encodeTbs(tbs), 'utf8')
  return { tbs, tbsBytes, signatureDer: sm2Sign(tbsBytes, input.keys) }
}

interface RecordRow {
  id: string
  task_id: string
  seal_id: string | null
  personal_signature_id: string | null
  tbs: string
  signature: string
  signed_at: Date
  name: string
  public_key_hex: string
  image_svg: string
  document_sm3: string
  ses_signature: string | null
}

function recordView(row: RecordRow): SignatureRecord {
  return {
    format: 'zqt-ses-signature/1',
    id: row.id,
    taskId: row.task_id,
    kind: row.seal_id ? 'seal' : 'personal',
    sealId: row.seal_id,
    personalSignatureId: row.personal_signature_id,
    name: row.name,
    signedAt: new Date(row.signed_at).toISOString(),
    documentSm3: row.document_sm3.trim(),
    tbs: row.tbs,
    signature: row.signature,
    signerPublicKey: sm2PublicKeyPem(row.public_key_hex),
    signatureAlgorithm: SM2_WITH_SM3_OID,
    digestAlgorithm: SM3_OID,
    signerId: SM2_DEFAULT_USER_ID,
    imageSvg: row.image_svg,
    sesSignature: row.ses_signature,
    signerCertificate: row.ses_signature ? signerCertificatePem(Buffer.from(row.ses_signature, 'base64')) : null,
  }
}

export async function signatureRecordsOf(db: Queryable, taskId: string): Promise<SignatureRecord[]> {
  const { rows } = await db.query<RecordRow>(
    `select r.id, r.task_id, r.seal_id, r.personal_signature_id, r.tbs, r.signature, r.signed_at,
       coalesce(s.name, p.holder_name) as name, coalesce(s.public_key_hex, p.public_key_hex) as public_key_hex,
       coalesce(s.image_svg, p.image_svg) as image_svg, t.document_sm3, r.ses_signature
     from signature_records r
     join sign_tasks t on t.id = r.task_id
     left join seals s on s.id = r.seal_id
     left join personal_signatures p on p.id = r.personal_signature_id
     where r.task_id = $1 order by r.position`,
    [taskId],
  )
  return rows.map(recordView)
}
