/**
 * Wire types of 刷脸办事, 电子印章, 电子签名 and 扫码签章. The app imports them with `import type`
 * only. Instants are ISO timestamps; hashes are lower-case hex; binary is base64.
 */
import type { SealType } from '../src/domain/signing/sealTypes'
import type { SignTaskStatus } from '../src/domain/signing/signTask'
import type { DocumentType } from '../src/domain/signing/sealRules'

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
import type { FacePurpose } from '../src/contract/esign/schemas'

// --- 扫码签章 ---

export type SignerSpec =
  { sealType: SealType } | { personalSignature: { role: 'legal_representative' | 'handler'; phone?: string } }

export interface CreateSignTaskRequest {
  /** 统一社会信用代码 of the enterprise whose seals are asked for. */
  enterpriseUscc: string
  signers: SignerSpec[]
  documentName: string
  /**
   * The document's SM3 (hex), the document itself (base64, ≤ 10 MB; kept so the signer can open it),
   * or both (the document's SM3 must then be the one declared).
   */
  documentSm3?: string
  document?: string
  /**
   * POSTed {taskId, status} once the task is signed, rejected or expired (then GET the task).
   * https, a host resolving to public addresses only (and on the system's allowlist, if it has
   * one), else 400 CALLBACK_URL_FORBIDDEN; redirects are not followed.
   */
  callbackUrl?: string
  /** 60–1800; default 300. */
  expiresInSeconds?: number
  /** What the document is (DOCUMENT_TYPES: contract 合同, letter 公函, certificate 证明, finance 财务, other 其他); checked against the seal's 用章规则. */
  documentType?: DocumentType
  /** The document's amount in integer fen (分, 1 元 = 100), 0–10^14; decides 双人审批 for 合同专用章. */
  amountFen?: number
}

export interface SignTaskCreated {
  taskId: string
  ticket: string
  /** Put this in the QR code. */
  qrContent: string
  expiresAt: string
}

/** GB/T 38540 SES_Signature, as JSON. Verify with POST /seal-verifications or OpenSSL. */
export interface SignatureRecord {
  format: 'zqt-ses-signature/1'
  id: string
  taskId: string
  kind: 'seal' | 'personal'
  sealId: string | null
  personalSignatureId: string | null
  /** Seal or signature name, for display. */
  name: string
  signedAt: string
  documentSm3: string
  /** The signed bytes: canonical JSON of TBS_Sign (src/domain/signing/tbs.ts), base64. */
  tbs: string
  /** SM2 signature, DER SEQUENCE{r, s}, base64; Z computed with signerId. */
  signature: string
  signerPublicKey: string
  signatureAlgorithm: string
  digestAlgorithm: string
  signerId: string
  /** The seal or signature picture to stamp on the document. */
  imageSvg: string
  /** GB/T 38540 SES_Signature (DER, base64) with its RFC 3161 timestamp; null for one made before the seal CA. */
  sesSignature?: string | null
  /** The signer's X.509 certificate (PEM) from the seal CA, as in sesSignature. */
  signerCertificate?: string | null
}

export interface SignTaskView {
  taskId: string
  status: SignTaskStatus
  statusLabel: string
  enterpriseUscc: string
  documentName: string
  documentSm3: string
  expiresAt: string
  scannedAt: string | null
  finishedAt: string | null
  rejectReason: string | null
  /** Set when the seal's 用章规则 refused the task (SealRuleRefusal); the reason in words is rejectReason. */
  refusalCode?: string | null
  /** 双人审批: who confirmed, who still may (masked names); null for a task needing one confirmation. */
  approval?: SignTaskApproval | null
  signatures: SignatureRecord[]
}

export interface SignTaskApproval {
  firstConfirmedBy: string | null
  /** Named second approvers (masked), the first confirmer excluded; any one of them completes the task. */
  waitingFor: string[]
}

/** GET/PUT /enterprises/:id/seals/:sealId/rules (legal representative only). */
export interface ScanSignTaskRequest {
  /** From parseSignQrContent. */
  ticket: string
}

export type SignerPreview =
  | { kind: 'seal'; sealType: SealType; sealId: string; sealName: string; imageSvg: string }
  | { kind: 'personal'; role: 'legal_representative' | 'handler'; holderName: string; imageSvg: string }

export interface SignTaskPreview {
  taskId: string
  documentName: string
  documentSm3: string
  requestedBy: string
  enterprise: { id: string; name: string; uscc: string }
  signers: SignerPreview[]
  expiresAt: string
  /** Start a face session with this purpose to confirm by face. */
  facePurpose: FacePurpose
  /** Whether the scanner has a signing PIN (else face only). */
  pinAvailable: boolean
  /** 双人审批 of this task, null when one confirmation is enough. */
  approval?: SignTaskApproval | null
  documentType?: DocumentType | null
  amountFen?: number | null
  /** The document itself, when the system uploaded it; null when the task names only its SM3. */
  document: SignTaskDocument | null
}

/** A task's document as the scanner may fetch it (GET `path` under the API, with the session). */
export interface SignTaskDocument {
  /** pdf: the platform viewer; image: shown inline; other: download only. */
  kind: 'pdf' | 'image' | 'other'
  mimeType: string
  sizeBytes: number
  /** Under /api/v1, e.g. /sign-tasks/<taskId>/document. */
  path: string
  /**
   * The same document without the session header, for a frame (H5 shows a PDF in place): `path`
   * with a view token for this scanner, valid 15 minutes (server/signing/sign-document-view.ts).
   */
  viewPath: string
}

export interface ConfirmSignTaskRequest {
  /** A face ticket of purpose `sign:<taskId>`, or the signing PIN. */
  ticket?: string
  pin?: string
}

export interface RejectSignTaskRequest {
  reason?: string
}

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
