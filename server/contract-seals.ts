/**
 * Wire types of 刷脸办事, 电子印章, 电子签名 and 扫码签章. The app imports them with `import type`
 * only. Instants are ISO timestamps; hashes are lower-case hex; binary is base64.
 */
import type { EnterpriseSummary, Platform } from './contract'
import type { SealType } from '../src/domain/signing/sealTypes'
import type { SignTaskStatus } from '../src/domain/signing/signTask'
import type { SealUsageReport } from '../src/domain/seals/sealReport'
import type { DocumentType, SealRules } from '../src/domain/signing/sealRules'

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

// --- 刷脸 ---

/** What a verification is for; a ticket is good for this purpose only. */
export type FacePurpose = 'login' | 'claim-seal' | 'claim-signature' | 'grant' | 'seal-revoke' | `sign:${string}`

export type FaceProviderName = 'wechat' | 'alipay' | 'sandbox'

export interface StartFaceSessionRequest {
  purpose: FacePurpose
  /** As on the 居民身份证; both, or neither with `useVerifiedIdentity`. */
  name?: string
  idNumber?: string
  /** Verify as the identity on record (GET /face/identity) without sending it again. */
  useVerifiedIdentity?: true
  /** The platform the app runs on: weapp → WeChat 人脸核身, alipay → 支付宝身份验证, h5 → sandbox. */
  platform: Platform
  /** For claim-seal and grant: the enterprise it is about (failures go to its seal audit). */
  enterpriseId?: string
}

/** The person the user last passed a face verification as, masked (张*国, 4110**********0371). */
export interface VerifiedIdentityView {
  nameMasked: string
  idNumberMasked: string
  verifiedAt: string
}

export interface VerifiedIdentityResponse {
  identity: VerifiedIdentityView | null
}

export interface FaceSessionStarted {
  sessionId: string
  provider: FaceProviderName
  /** WeChat: pass to wx.requestFacialVerify. */
  verifyId?: string
  /** Alipay: my.startAPVerify({ certifyId, url: certifyUrl }). */
  certifyId?: string
  certifyUrl?: string
  /** Sandbox (development only): the H5 stand-in face screen shows it. */
  sandboxToken?: string
  expiresAt: string
}

export interface CompleteFaceSessionRequest {
  /**
   * What the platform API told the client. Never trusted for success: the server asks the
   * provider. The sandbox reads `sandboxOutcome`; Alipay reads a cancel (resultStatus 6001).
   */
  clientResult?: { sandboxOutcome?: 'pass' | 'fail' | 'cancel'; [key: string]: unknown }
}

export interface FaceTicketIssued {
  /** Single use, for `purpose` only, valid 5 minutes. */
  ticket: string
  purpose: FacePurpose
  expiresAt: string
  person: { nameMasked: string; idNumberMasked: string }
}

export interface LinkEnterprisesRequest {
  /** A ticket of purpose 'login'. */
  ticket: string
}

export interface LinkEnterprisesResponse {
  /** Every enterprise the verified person is the legal representative of, now linked. */
  enterprises: EnterpriseSummary[]
  newlyLinked: number
}

// --- 电子印章 / 电子签名 ---

export type SealStatus = 'valid' | 'expired' | 'revoked'

/** The key material of a seal or signature that anyone may know. */
export interface PublicKeyInfo {
  /** SubjectPublicKeyInfo PEM: id-ecPublicKey (1.2.840.10045.2.1) on SM2 (1.2.156.10197.1.301). */
  publicKeyPem: string
  /** SM2 with SM3: 1.2.156.10197.1.501. */
  signatureAlgorithm: string
}

export interface SealView extends PublicKeyInfo {
  id: string
  enterpriseId: string
  type: SealType
  /** e.g. 合同专用章 */
  typeLabel: string
  /** As engraved, e.g. 许昌瑞丰食品有限公司合同专用章. */
  name: string
  holderUscc: string
  validFrom: string
  validTo: string
  status: SealStatus
  imageSvg: string
  createdAt: string
}

export interface ClaimSealsRequest {
  /** A ticket of purpose 'claim-seal' for the enterprise's legal representative. */
  ticket: string
  /** 6 digits; becomes the person's signing PIN. */
  pin: string
}

export interface SealListResponse {
  /** The legal representative sees all; a handler only the seals granted and still valid. */
  seals: SealView[]
  claimed: boolean
  /** Whether the caller may grant, revoke and read the audit (the legal representative). */
  canManage: boolean
}

export type SignatureImageInput = { kind: 'drawn'; strokes: [number, number][][] } | { kind: 'name' }

export interface ClaimSignatureRequest {
  /** A ticket of purpose 'claim-signature'. */
  ticket: string
  pin: string
  image: SignatureImageInput
}

export interface PersonalSignatureView extends PublicKeyInfo {
  id: string
  holderName: string
  idNumberMasked: string
  imageKind: 'drawn' | 'name'
  imageSvg: string
  validFrom: string
  validTo: string
  status: SealStatus
  createdAt: string
}

export interface MySignatureResponse {
  signature: PersonalSignatureView | null
}

// --- 授权 ---

export interface CreateSealGrantRequest {
  /**
   * By the handler's phone (they must have logged in once; the grant waits until they accept it in
   * the app), or a one-time invite code.
   */
  grantee: { phone: string } | { invite: true }
  sealIds: string[]
  /** Last day of the grant (China calendar day, inclusive). */
  validUntil: string
  /** Confirm with the signing PIN or a face ticket of purpose 'grant'. */
  pin?: string
  ticket?: string
}

export type SealGrantStatus = 'invited' | 'active' | 'expired' | 'revoked'

export interface SealGrantView {
  id: string
  enterpriseId: string
  grantee: { userId: string | null; nameMasked: string | null; phoneMasked: string | null }
  seals: { id: string; type: SealType; name: string }[]
  validUntil: string
  status: SealGrantStatus
  createdAt: string
  acceptedAt: string | null
  revokedAt: string | null
}

export interface SealGrantCreated extends SealGrantView {
  /** Shown once, for an invite grant: give it to the handler. */
  inviteCode?: string
  inviteExpiresAt?: string
}

export interface AcceptSealGrantRequest {
  inviteCode: string
}

/** A grant addressed to me (GET /me/seal-grants): 'invited' ones wait for me to accept them. */
export interface MySealGrantView extends SealGrantView {
  enterpriseName: string
}

export type SealAuditAction =
  | 'claim'
  | 'grant'
  | 'grant-accepted'
  | 'revoke'
  | 'sign'
  | 'reject'
  | 'pin-failed'
  | 'face-failed'
  /** a task refused by the seal's 用章规则; reasonCode says which rule (SealRuleRefusal) */
  | 'refused'
  /** one confirmation of a task needing two approvers */
  | 'approve'
  /** the legal representative changed a seal's 用章规则 */
  | 'rules'
  /** the legal representative revoked (注销) or replaced (重新制章) a seal */
  | 'seal-revoke'

export interface SealAuditEntry {
  id: string
  action: SealAuditAction
  actor: { userId: string | null; nameMasked: string | null }
  sealId: string | null
  grantId: string | null
  taskId: string | null
  detail: string
  at: string
  /** For 'refused': the SealRuleRefusal (machine-readable, for reports); otherwise null. */
  reasonCode?: string | null
}

export interface SealAuditPage {
  items: SealAuditEntry[]
  /** Pass as ?before= for older entries; null at the end. */
  nextCursor: string | null
}

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
export interface SealRulesView {
  sealId: string
  sealType: SealType
  rules: SealRules
  /** What the legal representative may choose from. */
  candidates: {
    systems: { id: string; name: string }[]
    approvers: { userId: string; nameMasked: string; role: 'legal_representative' | 'handler' }[]
  }
}

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

/** GET /api/v1/enterprises/:enterpriseId/seal-reports: the months with a 用章报告, newest first (legal representative). */
export interface SealReportListItem {
  /** 'YYYY-MM' */
  month: string
  uses: number
  previousUses: number
  refused: number
  createdAt: string
}

export interface SealReportList {
  items: SealReportListItem[]
}

/** GET /api/v1/enterprises/:enterpriseId/seal-reports/:month: one month's 用章报告. */
export interface SealReportView extends SealUsageReport {
  enterpriseName: string
  createdAt: string
}

// --- 注销 / 重新制章 (issue #15 item 1) ---

/** POST /enterprises/:id/seals/:sealId/revoke and …/replace: why, confirmed by the signing PIN or a face ticket. */
export interface RevokeSealRequest {
  /** 1–200 characters after trimming. */
  reason: string
  pin?: string
  /** A face ticket for the purpose 'seal-revoke'. */
  ticket?: string
}

export interface SealRevokeResult {
  /** The seal as it now is (status 'revoked'). */
  revoked: SealView
  /** 重新制章: the new seal of the same type, with a new key and certificate; null for 注销. */
  replacement: SealView | null
  /** Open sign tasks that needed the seal, refused with the reason. */
  refusedTasks: number
  /** Grants that ended because they covered no live seal any more. */
  endedGrants: number
}
