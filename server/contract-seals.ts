/**
 * Wire types of 刷脸办事, 电子印章, 电子签名 and 扫码签章. The app imports them with `import type`
 * only. Instants are ISO timestamps; hashes are lower-case hex; binary is base64.
 */

export type SealErrorCode =
  | 'SEAL_RULE_SYSTEM'
  | 'SEAL_RULE_DOCUMENT_TYPE'
  | 'SEAL_RULE_HOURS'
  | 'SEAL_RULE_WORKING_DAY'
  | 'SEAL_RULE_DAILY_LIMIT'
  | 'SECOND_APPROVER_SAME_PERSON'
  | 'SECOND_APPROVER_NOT_NAMED'
  | 'FACE_UNAVAILABLE'
  | 'FACE_PROVIDER_ERROR'
  | 'FACE_CANCELLED'
  | 'FACE_MISMATCH'
  | 'FACE_LOCKED'
  | 'FACE_SESSION_NOT_FOUND'
  | 'FACE_SESSION_CLOSED'
  | 'FACE_TICKET_INVALID'
  | 'NOT_LEGAL_REPRESENTATIVE'
  | 'LEGAL_REPRESENTATIVE_ONLY'
  | 'SEALS_ALREADY_CLAIMED'
  | 'SEAL_NOT_FOUND'
  | 'SEAL_NOT_AVAILABLE'
  | 'SEAL_ALREADY_REVOKED'
  | 'SIGNATURE_ALREADY_CLAIMED'
  | 'SIGNATURE_NOT_CLAIMED'
  | 'SIGNATURE_IMAGE_INVALID'
  | 'PIN_INVALID'
  | 'PIN_LOCKED'
  | 'PIN_NOT_SET'
  | 'PIN_BUSY'
  | 'GRANTEE_NOT_FOUND'
  | 'GRANT_NOT_FOUND'
  | 'INVITE_CODE_INVALID'
  | 'ENTERPRISE_NOT_FOUND'
  | 'SIGN_TICKET_INVALID'
  | 'SIGN_TASK_NOT_FOUND'
  | 'SIGN_TASK_EXPIRED'
  | 'SIGN_TASK_SCANNED_BY_OTHER'
  | 'SIGN_TASK_ALREADY_SIGNED'
  | 'SIGN_TASK_REJECTED'
  | 'SIGN_TASK_NOT_SCANNED'
  | 'CALLBACK_URL_FORBIDDEN'
  | 'SIGN_WRONG_ENTERPRISE'
  | 'SIGN_NOT_AUTHORISED'
  | 'MEMBER_SELF_REMOVAL'
  | 'MEMBER_LAST_LEGAL_REPRESENTATIVE'
  | 'VERIFIED_IDENTITY_NONE'
  | 'SIGNATURE_FILE_UNREADABLE'

// 刷脸, 电子印章, 电子签名, 授权, 用章记录, 用章规则, 注销 / 重新制章: the one contract in src/contract/esign.
export type {
  AcceptSealGrantRequest,
  ConfirmSignTaskRequest,
  CreateSignTaskRequest,
  RejectSignTaskRequest,
  ScanSignTaskRequest,
  SignTaskCreated,
  SignTaskPreview,
  SignTaskView,
  SignTaskApproval,
  SignTaskDocument,
  SignatureRecord,
  SignerPreview,
  SignerSpec,
  ClaimSealsRequest,
  ClaimSignatureRequest,
  CompleteFaceSessionRequest,
  CreateSealGrantRequest,
  FaceProviderName,
  FacePurpose,
  FaceSessionStarted,
  FaceTicketIssued,
  LinkEnterprisesRequest,
  LinkEnterprisesResponse,
  MySealGrantView,
  MySignatureResponse,
  PersonalSignatureView,
  PublicKeyInfo,
  RevokeSealRequest,
  SealAuditAction,
  SealAuditEntry,
  SealAuditPage,
  SealGrantCreated,
  SealGrantStatus,
  SealGrantView,
  SealListResponse,
  SealReportList,
  SealReportListItem,
  SealReportView,
  SealRevokeResult,
  SealRulesView,
  SealStatus,
  SealView,
  SignatureImageInput,
  StartFaceSessionRequest,
  VerifiedIdentityResponse,
  VerifiedIdentityView,
} from '../src/contract/esign/schemas'
import type { SignatureRecord } from '../src/contract/esign/schemas'

// --- 验章 ---

export interface SealVerificationRequest {
  /** The record (the signature file downloaded at signing), or `recordId`: one of them. */
  signatureRecord?: Pick<SignatureRecord, 'tbs' | 'signature' | 'signerPublicKey'> & Partial<SignatureRecord>
  /** A signature record of ours by its id, as the verification link names it. */
  recordId?: string
  /** Or the GB/T 38540 SES_Signature file itself (DER, base64): every step runs from it alone. */
  sesSignatureDer?: string
  /** The document (base64) or its SM3; one of them. */
  document?: string
  documentSm3?: string
}

export interface SealVerificationChecks {
  hashMatches: boolean
  signatureValid: boolean
  sealValidAtSigningTime: boolean
  signerAuthorisedAtSigningTime: boolean
  sealNotRevoked: boolean
}

export interface SealVerificationResult {
  valid: boolean
  checks: SealVerificationChecks
  /** What the signature says it is, when it could be read. */
  seal: { id: string; kind: 'seal' | 'personal'; name: string; holder: string } | null
  signedAt: string | null
  /** Chinese, one per failed check. */
  problems: string[]
  /** Every check in order, in words: what the app lists (later steps, e.g. certificates, append here). */
  steps: VerificationStep[]
  /** The result signed by the server's receipt key (POST /seal-verifications always sends it). */
  receipt?: VerificationReceipt
}

/**
 * 验章回执: `payload` is the canonical JSON (keys sorted, no spaces, UTF-8) of the verdict, steps,
 * record id, document SM3 and verifiedAt; `signature` is SM2-with-SM3 (signer ID 1234567812345678)
 * over exactly those bytes by the key of `certificate`, which the seal CA issued. OpenSSL checks it
 * offline (README「在本机用 OpenSSL 复核」).
 */
export interface VerificationReceipt {
  format: 'zqt-verification-receipt/1'
  payload: string
  /** DER SEQUENCE{r, s}, base64. */
  signature: string
  signatureAlgorithm: 'SM2-with-SM3'
  signerId: string
  /** The receipt key's certificate (PEM), issued by the seal CA (GET /api/v1/pki/ca). */
  certificate: string
}

export interface VerificationStep {
  /** Stable: a key of SealVerificationChecks today. */
  key: string
  /** e.g. 原文杂凑, 签章值, 印章状态 */
  name: string
  passed: boolean
  /** The verdict of this step in a sentence. */
  text: string
}
