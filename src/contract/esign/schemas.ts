/**
 * 刷脸 / 电子印章 / 电子签名 / 印章授权 wire schemas. Server-side at runtime; the app: `import type`
 * only. Every response schema is the serializer's allow-list: a private key column can never reach
 * an answer, even by a careless SELECT *. Instants are ISO timestamps; hashes lower-case hex;
 * binary base64. Seal types come from the domain's one list (SEAL_TYPES).
 *
 * A few request parts that use `oneOf` / `const` are written as plain JSON Schema (`Raw`) so that
 * Ajv's errors — and so the Chinese validation messages — stay exactly what the routes gave before.
 */

import { Type, type Static } from 'typebox'
import { ENTERPRISE_ROLES } from '../../domain/access/permissions'
import { SEAL_TYPES } from '../../domain/signing/sealTypes'
import { AMOUNT_FEN_MAX, DAILY_LIMIT_MAX, DOCUMENT_TYPES, type SealRules } from '../../domain/signing/sealRules'
import { STROKE_LIMITS } from '../../domain/signing/strokes'
import type { SealUsageReport } from '../../domain/seals/sealReport'
import { SIGN_TASK_STATUSES, SIGN_TICKET_TTL_SECONDS } from '../../domain/signing/signTask'
import { Binary, DateTime, EnterpriseIdParams, IdParam, Nullable, StringEnum, Uuid } from '../common'
import type { OperationSchemas } from '../endpoint'

export type { SealType } from '../../domain/signing/sealTypes'

/** A hand-written JSON Schema with its static type (for `oneOf` / `const`, whose Ajv errors must not change). */
const Raw = <T>(schema: object) => Type.Unsafe<T>(schema)

const closed = { additionalProperties: false } as const

// --- shared pieces ---

export const SealTypeSchema = StringEnum(SEAL_TYPES)

export const FaceTicket = Type.String({
  pattern: '^[A-Za-z0-9_-]{43}$',
  description: '刷脸认证票据（一次性，5 分钟内有效）',
})

export const Pin = Type.String({ pattern: '^[0-9]{6}$', description: '6 位数字签署密码' })

export const PLATFORMS = ['weapp', 'alipay', 'h5'] as const
export type Platform = (typeof PLATFORMS)[number]

/** What a verification is for; a ticket is good for this purpose only. */
export type FacePurpose = 'login' | 'claim-seal' | 'claim-signature' | 'grant' | 'seal-revoke' | `sign:${string}`

export const FacePurposeSchema = Type.Unsafe<FacePurpose>({
  type: 'string',
  pattern:
    '^(login|claim-seal|claim-signature|grant|seal-revoke|sign:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$',
  description: 'login / claim-seal / claim-signature / grant / seal-revoke / sign:<taskId>',
})

export const FACE_PROVIDERS = ['wechat', 'alipay', 'sandbox'] as const
export type FaceProviderName = (typeof FACE_PROVIDERS)[number]

/** The enterprise as its lists show it (the same fields as the account capability's summary). */
export const EnterpriseSummary = Type.Object(
  {
    id: Uuid(),
    name: Type.String(),
    uscc: Type.String({ description: '统一社会信用代码' }),
    role: StringEnum(ENTERPRISE_ROLES),
  },
  closed,
)

// --- 刷脸 ---

export const StartFaceSessionRequest = Type.Object(
  {
    purpose: FacePurposeSchema,
    /** As on the 居民身份证; both, or neither with `useVerifiedIdentity`. */
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    idNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    /** Verify as the identity on record (GET /face/identity) without sending it again. */
    useVerifiedIdentity: Type.Optional(Type.Unsafe<true>({ type: 'boolean', enum: [true] })),
    /** weapp → WeChat 人脸核身, alipay → 支付宝身份验证, h5 → sandbox. */
    platform: StringEnum(PLATFORMS),
    /** For claim-seal and grant: the enterprise it is about (failures go to its seal audit). */
    enterpriseId: Type.Optional(Uuid()),
  },
  closed,
)
export type StartFaceSessionRequest = Static<typeof StartFaceSessionRequest>

export const FaceSessionStarted = Type.Object(
  {
    sessionId: Uuid(),
    provider: StringEnum(FACE_PROVIDERS),
    /** WeChat: pass to wx.requestFacialVerify. */
    verifyId: Type.Optional(Type.String()),
    /** Alipay: my.startAPVerify({ certifyId, url: certifyUrl }). */
    certifyId: Type.Optional(Type.String()),
    certifyUrl: Type.Optional(Type.String()),
    /** Sandbox (development only): the H5 stand-in face screen shows it. */
    sandboxToken: Type.Optional(Type.String()),
    expiresAt: DateTime(),
  },
  closed,
)
export type FaceSessionStarted = Static<typeof FaceSessionStarted>

/** The person the user last passed a face verification as, masked (张*国, 4110**********0371). */
export const VerifiedIdentityView = Type.Object(
  { nameMasked: Type.String(), idNumberMasked: Type.String(), verifiedAt: DateTime() },
  closed,
)
export type VerifiedIdentityView = Static<typeof VerifiedIdentityView>

export const VerifiedIdentityResponse = Type.Object({ identity: Nullable(VerifiedIdentityView) }, closed)
export type VerifiedIdentityResponse = Static<typeof VerifiedIdentityResponse>

/**
 * What the platform API told the client. Never trusted for success: the server asks the provider.
 * The sandbox reads `sandboxOutcome`; Alipay reads a cancel (resultStatus 6001). The body may be
 * absent or null.
 */
export interface CompleteFaceSessionRequest {
  clientResult?: { sandboxOutcome?: 'pass' | 'fail' | 'cancel'; [key: string]: unknown }
}
export const CompleteFaceSessionBody = Raw<CompleteFaceSessionRequest | null | undefined>({
  type: ['object', 'null'],
  additionalProperties: false,
  properties: { clientResult: { type: 'object', maxProperties: 20 } },
})

export const FaceTicketIssued = Type.Object(
  {
    /** Single use, for `purpose` only, valid 5 minutes. */
    ticket: Type.String(),
    purpose: Type.Unsafe<FacePurpose>({ type: 'string' }),
    expiresAt: DateTime(),
    person: Type.Object({ nameMasked: Type.String(), idNumberMasked: Type.String() }, closed),
  },
  closed,
)
export type FaceTicketIssued = Static<typeof FaceTicketIssued>

/** A ticket of purpose 'login'. */
export const LinkEnterprisesRequest = Type.Object({ ticket: FaceTicket }, closed)
export type LinkEnterprisesRequest = Static<typeof LinkEnterprisesRequest>

export const LinkEnterprisesResponse = Type.Object(
  {
    /** Every enterprise the verified person is the legal representative of, now linked. */
    enterprises: Type.Array(EnterpriseSummary),
    newlyLinked: Type.Integer(),
  },
  closed,
)
export type LinkEnterprisesResponse = Static<typeof LinkEnterprisesResponse>

// --- 电子印章 / 电子签名 ---

export const SEAL_STATUSES = ['valid', 'expired', 'revoked'] as const
export type SealStatus = (typeof SEAL_STATUSES)[number]

/** What seals and personal signatures both show: picture, validity, public key that anyone may know. */
const keyHolder = {
  id: Uuid(),
  imageSvg: Type.String(),
  validFrom: DateTime(),
  validTo: DateTime(),
  status: StringEnum(SEAL_STATUSES),
  createdAt: DateTime(),
  /** SubjectPublicKeyInfo PEM: id-ecPublicKey (1.2.840.10045.2.1) on SM2 (1.2.156.10197.1.301). */
  publicKeyPem: Type.String({ description: 'SM2 SubjectPublicKeyInfo PEM' }),
  /** SM2 with SM3: 1.2.156.10197.1.501. */
  signatureAlgorithm: Type.String({ description: '1.2.156.10197.1.501 (SM2-with-SM3)' }),
}

export const PublicKeyInfo = Type.Object(
  { publicKeyPem: keyHolder.publicKeyPem, signatureAlgorithm: keyHolder.signatureAlgorithm },
  closed,
)
export type PublicKeyInfo = Static<typeof PublicKeyInfo>

export const SealView = Type.Object(
  {
    ...keyHolder,
    enterpriseId: Uuid(),
    type: SealTypeSchema,
    /** e.g. 合同专用章 */
    typeLabel: Type.String(),
    /** As engraved, e.g. 许昌瑞丰食品有限公司合同专用章. */
    name: Type.String(),
    holderUscc: Type.String(),
  },
  closed,
)
export type SealView = Static<typeof SealView>

export const ClaimSealsRequest = Type.Object(
  {
    /** A ticket of purpose 'claim-seal' for the enterprise's legal representative. */
    ticket: FaceTicket,
    /** 6 digits; becomes the person's signing PIN. */
    pin: Pin,
  },
  closed,
)
export type ClaimSealsRequest = Static<typeof ClaimSealsRequest>

export const SealListResponse = Type.Object(
  {
    /** The legal representative sees all; a handler only the seals granted and still valid. */
    seals: Type.Array(SealView),
    claimed: Type.Boolean(),
    /** Whether the caller may grant, revoke and read the audit (the legal representative). */
    canManage: Type.Boolean(),
  },
  closed,
)
export type SealListResponse = Static<typeof SealListResponse>

const clockTime = Type.String({ pattern: '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$' })

/** 用章规则 as the legal representative sends them (SealRules in src/domain/signing/sealRules.ts). */
export const SealRulesSchema = Type.Unsafe<SealRules>(
  Type.Object(
    {
      systemIds: Type.Array(Uuid(), { maxItems: 50 }),
      documentTypes: Type.Array(StringEnum(DOCUMENT_TYPES), { maxItems: DOCUMENT_TYPES.length }),
      hours: Nullable(Type.Object({ from: clockTime, to: clockTime }, closed)),
      workingDaysOnly: Type.Boolean(),
      dailyLimit: Nullable(Type.Integer({ minimum: 1, maximum: DAILY_LIMIT_MAX })),
      secondApproval: Nullable(
        Type.Object(
          {
            minAmountFen: Type.Integer({ minimum: 0, maximum: AMOUNT_FEN_MAX }),
            approverUserIds: Type.Array(Uuid(), { minItems: 1, maxItems: 50 }),
          },
          closed,
        ),
      ),
    },
    closed,
  ),
)

const APPROVER_ROLES = ['legal_representative', 'handler'] as const

/** GET/PUT /enterprises/:id/seals/:sealId/rules (legal representative only). */
export const SealRulesView = Type.Object(
  {
    sealId: Uuid(),
    sealType: SealTypeSchema,
    rules: SealRulesSchema,
    /** What the legal representative may choose from. */
    candidates: Type.Object(
      {
        systems: Type.Array(Type.Object({ id: Uuid(), name: Type.String() }, closed)),
        approvers: Type.Array(
          Type.Object({ userId: Uuid(), nameMasked: Type.String(), role: StringEnum(APPROVER_ROLES) }, closed),
        ),
      },
      closed,
    ),
  },
  closed,
)
export type SealRulesView = Static<typeof SealRulesView>

/** POST …/seals/:sealId/revoke and …/replace: why, confirmed by the signing PIN or a face ticket. */
export const RevokeSealRequest = Type.Object(
  {
    /** 1–200 characters after trimming. */
    reason: Type.String({ maxLength: 400, description: '原因，1–200 字' }),
    pin: Type.Optional(Pin),
    /** A face ticket for the purpose 'seal-revoke'. */
    ticket: Type.Optional(FaceTicket),
  },
  closed,
)
export type RevokeSealRequest = Static<typeof RevokeSealRequest>

export const SealRevokeResult = Type.Object(
  {
    /** The seal as it now is (status 'revoked'). */
    revoked: SealView,
    /** 重新制章: the new seal of the same type, with a new key and certificate; null for 注销. */
    replacement: Type.Union([SealView, Type.Null()]),
    /** Open sign tasks that needed the seal, refused with the reason. */
    refusedTasks: Type.Integer(),
    /** Grants that ended because they covered no live seal any more. */
    endedGrants: Type.Integer(),
  },
  closed,
)
export type SealRevokeResult = Static<typeof SealRevokeResult>

export const SealRuleParams = Type.Object(
  { enterpriseId: EnterpriseIdParams.properties.enterpriseId, sealId: Uuid() },
  closed,
)

export const PersonalSignatureView = Type.Object(
  {
    ...keyHolder,
    holderName: Type.String(),
    idNumberMasked: Type.String(),
    imageKind: StringEnum(['drawn', 'name'] as const),
  },
  closed,
)
export type PersonalSignatureView = Static<typeof PersonalSignatureView>

export const MySignatureResponse = Type.Object({ signature: Type.Union([Type.Null(), PersonalSignatureView]) }, closed)
export type MySignatureResponse = Static<typeof MySignatureResponse>

export type SignatureImageInput = { kind: 'drawn'; strokes: [number, number][][] } | { kind: 'name' }

// 手写 (strokes) or 按姓名生成. Shape only; bounds, counts and scaling are normaliseStrokes's.
const SignatureImage = Raw<SignatureImageInput>({
  oneOf: [
    {
      type: 'object',
      required: ['kind', 'strokes'],
      additionalProperties: false,
      properties: {
        kind: { const: 'drawn' },
        strokes: {
          type: 'array',
          maxItems: STROKE_LIMITS.maxStrokes,
          items: {
            type: 'array',
            maxItems: STROKE_LIMITS.maxPointsPerStroke,
            items: { type: 'array', minItems: 2, maxItems: 2, items: { type: 'number' } },
          },
        },
      },
    },
    { type: 'object', required: ['kind'], additionalProperties: false, properties: { kind: { const: 'name' } } },
  ],
})

export const ClaimSignatureRequest = Type.Object(
  {
    /** A ticket of purpose 'claim-signature'. */
    ticket: FaceTicket,
    pin: Pin,
    image: SignatureImage,
  },
  closed,
)
export type ClaimSignatureRequest = Static<typeof ClaimSignatureRequest>

const Reason = Type.String({ maxLength: 400, description: '原因，1–200 字' })

export const RevokeSignatureRequest = Type.Object(
  { reason: Reason, pin: Type.Optional(Pin), ticket: Type.Optional(FaceTicket) },
  closed,
)
export type RevokeSignatureRequest = Static<typeof RevokeSignatureRequest>

export const ReplaceSignatureRequest = Type.Object(
  { reason: Reason, ticket: FaceTicket, pin: Pin, image: SignatureImage },
  closed,
)
export type ReplaceSignatureRequest = Static<typeof ReplaceSignatureRequest>

// --- 授权 / 用章记录 ---

export const SEAL_GRANT_STATUSES = ['invited', 'active', 'expired', 'revoked'] as const
export type SealGrantStatus = (typeof SEAL_GRANT_STATUSES)[number]

const sealGrantFields = {
  id: Uuid(),
  enterpriseId: Uuid(),
  grantee: Type.Object(
    { userId: Nullable(Uuid()), nameMasked: Nullable(Type.String()), phoneMasked: Nullable(Type.String()) },
    closed,
  ),
  seals: Type.Array(Type.Object({ id: Uuid(), type: SealTypeSchema, name: Type.String() }, closed)),
  /** Last day of the grant (China calendar day, inclusive), as an instant. */
  validUntil: DateTime(),
  status: StringEnum(SEAL_GRANT_STATUSES),
  createdAt: DateTime(),
  acceptedAt: Nullable(DateTime()),
  revokedAt: Nullable(DateTime()),
}

export const SealGrantView = Type.Object(sealGrantFields, closed)
export type SealGrantView = Static<typeof SealGrantView>

export const SealGrantCreated = Type.Object(
  {
    ...sealGrantFields,
    /** Shown once, for an invite grant: give it to the handler. */
    inviteCode: Type.Optional(Type.String()),
    inviteExpiresAt: Type.Optional(DateTime()),
  },
  closed,
)
export type SealGrantCreated = Static<typeof SealGrantCreated>

/** A grant addressed to me (GET /me/seal-grants): 'invited' ones wait for me to accept them. */
export const MySealGrantView = Type.Object({ ...sealGrantFields, enterpriseName: Type.String() }, closed)
export type MySealGrantView = Static<typeof MySealGrantView>

export const CreateSealGrantRequest = Type.Object(
  {
    /** By the handler's phone (they must have logged in once), or a one-time invite code. */
    grantee: Raw<{ phone: string } | { invite: true }>({
      oneOf: [
        {
          type: 'object',
          required: ['phone'],
          additionalProperties: false,
          properties: { phone: { type: 'string', pattern: '^1[3-9][0-9]{9}$' } },
        },
        { type: 'object', required: ['invite'], additionalProperties: false, properties: { invite: { const: true } } },
      ],
    }),
    sealIds: Type.Array(Uuid(), { minItems: 1, maxItems: 10 }),
    /** Last day of the grant (China calendar day, inclusive). */
    validUntil: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }),
    /** Confirm with the signing PIN or a face ticket of purpose 'grant'. */
    pin: Type.Optional(Pin),
    ticket: Type.Optional(FaceTicket),
  },
  closed,
)
export type CreateSealGrantRequest = Static<typeof CreateSealGrantRequest>

export const AcceptSealGrantRequest = Type.Object({ inviteCode: Type.String({ minLength: 12, maxLength: 20 }) }, closed)
export type AcceptSealGrantRequest = Static<typeof AcceptSealGrantRequest>

export const SEAL_AUDIT_ACTIONS = [
  'claim',
  'grant',
  'grant-accepted',
  'revoke',
  'sign',
  'reject',
  'pin-failed',
  'face-failed',
  /** a task refused by the seal's 用章规则; reasonCode says which rule (SealRuleRefusal) */
  'refused',
  /** one confirmation of a task needing two approvers */
  'approve',
  /** the legal representative changed a seal's 用章规则 */
  'rules',
  /** the legal representative revoked (注销) or replaced (重新制章) a seal */
  'seal-revoke',
] as const
export type SealAuditAction = (typeof SEAL_AUDIT_ACTIONS)[number]

export const SealAuditEntry = Type.Object(
  {
    id: Type.String(),
    action: Type.Unsafe<SealAuditAction>({ type: 'string' }),
    actor: Type.Object({ userId: Nullable(Type.String()), nameMasked: Nullable(Type.String()) }, closed),
    sealId: Nullable(Type.String()),
    grantId: Nullable(Type.String()),
    taskId: Nullable(Type.String()),
    detail: Type.String(),
    at: DateTime(),
    /** For 'refused': the SealRuleRefusal (machine-readable, for reports); otherwise null. */
    reasonCode: Type.Optional(Nullable(Type.String())),
  },
  closed,
)
export type SealAuditEntry = Static<typeof SealAuditEntry>

export const SealAuditPage = Type.Object(
  {
    items: Type.Array(SealAuditEntry),
    /** Pass as ?before= for older entries; null at the end. */
    nextCursor: Nullable(Type.String()),
  },
  closed,
)
export type SealAuditPage = Static<typeof SealAuditPage>

export const SealAuditQuery = Type.Object(
  {
    before: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
    limit: Type.Optional(Type.String({ pattern: '^([1-9]|[1-9][0-9]|100)$' })),
  },
  closed,
)

const GrantParams = Type.Object({ enterpriseId: EnterpriseIdParams.properties.enterpriseId, grantId: Uuid() }, closed)
const GrantIdParams = Type.Object({ grantId: Uuid() }, closed)

// --- 用章报告 ---

/** GET …/seal-reports: the months with a 用章报告, newest first (legal representative). */
export const SealReportListItem = Type.Object(
  {
    /** 'YYYY-MM' */
    month: Type.String(),
    uses: Type.Integer(),
    previousUses: Type.Integer(),
    refused: Type.Integer(),
    createdAt: DateTime(),
  },
  closed,
)
export type SealReportListItem = Static<typeof SealReportListItem>

export const SealReportList = Type.Object({ items: Type.Array(SealReportListItem) }, closed)
export type SealReportList = Static<typeof SealReportList>

const ReportLines = Type.Array(
  Type.Object({ key: Type.String(), label: Type.String(), count: Type.Integer(), previous: Type.Integer() }, closed),
)

/** GET …/seal-reports/:month: one month's 用章报告 (the domain's SealUsageReport, named and dated). */
export interface SealReportView extends SealUsageReport {
  enterpriseName: string
  createdAt: string
}
export const SealReportViewSchema = Type.Unsafe<SealReportView>(
  Type.Object(
    {
      month: Type.String(),
      previousMonth: Type.String(),
      enterpriseName: Type.String(),
      uses: Type.Integer(),
      previousUses: Type.Integer(),
      refused: Type.Integer(),
      previousRefused: Type.Integer(),
      bySeal: ReportLines,
      byHandler: ReportLines,
      bySystem: ReportLines,
      refusedByReason: ReportLines,
      createdAt: DateTime(),
    },
    closed,
  ),
)

export const SealReportParams = Type.Object(
  {
    enterpriseId: EnterpriseIdParams.properties.enterpriseId,
    month: Type.String({ pattern: '^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$' }),
  },
  closed,
)

/** POST /admin/sign-tasks/sweep. */
export const SignTaskSweepReport = Type.Object(
  { expired: Type.Integer({ description: '本次置为已过期的任务数' }) },
  closed,
)
export type SignTaskSweepReport = Static<typeof SignTaskSweepReport>

// --- 扫码签章 ---

const SIGNER_ROLES = ['legal_representative', 'handler'] as const

export type SignerSpec =
  | { sealType: (typeof SEAL_TYPES)[number] }
  | { personalSignature: { role: (typeof SIGNER_ROLES)[number]; phone?: string } }

export const CreateSignTaskRequest = Type.Object(
  {
    /** 统一社会信用代码 of the enterprise whose seals are asked for. */
    enterpriseUscc: Type.String({ minLength: 1, maxLength: 32 }),
    signers: Type.Array(
      Raw<SignerSpec>({
        oneOf: [
          {
            type: 'object',
            required: ['sealType'],
            additionalProperties: false,
            properties: { sealType: SealTypeSchema },
          },
          {
            type: 'object',
            required: ['personalSignature'],
            additionalProperties: false,
            properties: {
              personalSignature: {
                type: 'object',
                required: ['role'],
                additionalProperties: false,
                properties: {
                  role: { type: 'string', enum: [...SIGNER_ROLES] },
                  phone: { type: 'string', pattern: '^1[3-9][0-9]{9}$' },
                },
              },
            },
          },
        ],
      }),
      { minItems: 1, maxItems: 10 },
    ),
    documentName: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    /** The document's SM3 (hex), the document itself (base64, ≤ 10 MB), or both (they must agree). */
    documentSm3: Type.Optional(Type.String({ maxLength: 64 })),
    document: Type.Optional(Type.String({ maxLength: 14 * 1024 * 1024 })),
    /**
     * POSTed {taskId, status} once the task is signed, rejected or expired (then GET the task).
     * https, a host resolving to public addresses only (and on the system's allowlist, if it has
     * one), else 400 CALLBACK_URL_FORBIDDEN; redirects are not followed.
     */
    callbackUrl: Type.Optional(Type.String({ maxLength: 2000 })),
    /** 60–1800; default 300. */
    expiresInSeconds: Type.Optional(
      Type.Integer({ minimum: SIGN_TICKET_TTL_SECONDS.min, maximum: SIGN_TICKET_TTL_SECONDS.max }),
    ),
    /** What the document is; checked against the seal's 用章规则. */
    documentType: Type.Optional(StringEnum(DOCUMENT_TYPES)),
    /** The document's amount in integer fen (分), 0–10^14; decides 双人审批 for 合同专用章. */
    amountFen: Type.Optional(
      Type.Integer({ minimum: 0, maximum: AMOUNT_FEN_MAX, description: '金额，单位：分（整数）' }),
    ),
  },
  closed,
)
export type CreateSignTaskRequest = Static<typeof CreateSignTaskRequest>

export const SignTaskCreated = Type.Object(
  {
    taskId: Uuid(),
    ticket: Type.String(),
    /** Put this in the QR code. */
    qrContent: Type.String(),
    expiresAt: DateTime(),
  },
  closed,
)
export type SignTaskCreated = Static<typeof SignTaskCreated>

/** GB/T 38540 SES_Signature, as JSON. Verify with POST /seal-verifications or OpenSSL. */
export const SignatureRecord = Type.Object(
  {
    format: StringEnum(['zqt-ses-signature/1'] as const),
    id: Uuid(),
    taskId: Uuid(),
    kind: StringEnum(['seal', 'personal'] as const),
    sealId: Nullable(Uuid()),
    personalSignatureId: Nullable(Uuid()),
    /** Seal or signature name, for display. */
    name: Type.String(),
    signedAt: DateTime(),
    documentSm3: Type.String(),
    /** The signed bytes: canonical JSON of TBS_Sign (src/domain/signing/tbs.ts), base64. */
    tbs: Type.String({ description: '待签数据（规范化 JSON 的 UTF-8 字节），base64' }),
    /** SM2 signature, DER SEQUENCE{r, s}, base64; Z computed with signerId. */
    signature: Type.String({ description: 'SM2 签名值（DER），base64' }),
    signerPublicKey: Type.String(),
    signatureAlgorithm: Type.String(),
    digestAlgorithm: Type.String(),
    signerId: Type.String(),
    /** The seal or signature picture to stamp on the document. */
    imageSvg: Type.String(),
    /** GB/T 38540 SES_Signature (DER, base64) with its RFC 3161 timestamp; null for one made before the seal CA. */
    sesSignature: Type.Optional(
      Nullable(Type.String(), { description: 'GB/T 38540 签章数据 SES_Signature（DER，含时间戳），base64' }),
    ),
    /** The signer's X.509 certificate (PEM) from the seal CA, as in sesSignature. */
    signerCertificate: Type.Optional(Nullable(Type.String(), { description: '签章人证书（PEM，电子印章 CA 签发）' })),
  },
  closed,
)
export type SignatureRecord = Static<typeof SignatureRecord>

/** 双人审批: who confirmed first and who may still confirm (masked names); null for one confirmation. */
export const SignTaskApproval = Type.Object(
  {
    firstConfirmedBy: Nullable(Type.String()),
    /** Named second approvers (masked), the first confirmer excluded; any one of them completes the task. */
    waitingFor: Type.Array(Type.String()),
  },
  closed,
)
export type SignTaskApproval = Static<typeof SignTaskApproval>

export const SignTaskView = Type.Object(
  {
    taskId: Uuid(),
    status: StringEnum(SIGN_TASK_STATUSES),
    statusLabel: Type.String({ description: '待扫码 / 已扫码 / 待第二人确认 / 已签署 / 已拒绝 / 已过期' }),
    enterpriseUscc: Type.String(),
    documentName: Type.String(),
    documentSm3: Type.String(),
    expiresAt: DateTime(),
    scannedAt: Nullable(DateTime()),
    finishedAt: Nullable(DateTime()),
    rejectReason: Nullable(Type.String()),
    /** Set when the seal's 用章规则 refused the task (SealRuleRefusal); the reason in words is rejectReason. */
    refusalCode: Type.Optional(Nullable(Type.String())),
    approval: Type.Optional(Nullable(SignTaskApproval)),
    signatures: Type.Array(SignatureRecord),
  },
  closed,
)
export type SignTaskView = Static<typeof SignTaskView>

export type SignerPreview =
  | { kind: 'seal'; sealType: (typeof SEAL_TYPES)[number]; sealId: string; sealName: string; imageSvg: string }
  | { kind: 'personal'; role: (typeof SIGNER_ROLES)[number]; holderName: string; imageSvg: string }

/** A task's document as the scanner may fetch it (GET `path` under the API, with the session). */
export const SignTaskDocument = Type.Object(
  {
    /** pdf: the platform viewer; image: shown inline; other: download only. */
    kind: StringEnum(['pdf', 'image', 'other'] as const),
    mimeType: Type.String(),
    sizeBytes: Type.Integer(),
    /** Under /api/v1, e.g. /sign-tasks/<taskId>/document. */
    path: Type.String(),
    /** `path` with a view token for this scanner, valid 15 minutes (server/capabilities/esign/signing/sign-document-view.ts). */
    viewPath: Type.String({ description: '无需会话即可在页面内嵌显示的地址（15 分钟内有效，仅限扫码人）' }),
  },
  closed,
)
export type SignTaskDocument = Static<typeof SignTaskDocument>

export const SignTaskPreview = Type.Object(
  {
    taskId: Uuid(),
    documentName: Type.String(),
    documentSm3: Type.String(),
    requestedBy: Type.String(),
    enterprise: Type.Object({ id: Uuid(), name: Type.String(), uscc: Type.String() }, closed),
    signers: Type.Array(
      Type.Unsafe<SignerPreview>(
        Type.Object(
          {
            kind: StringEnum(['seal', 'personal'] as const),
            sealType: Type.Optional(SealTypeSchema),
            sealId: Type.Optional(Uuid()),
            sealName: Type.Optional(Type.String()),
            role: Type.Optional(StringEnum(SIGNER_ROLES)),
            holderName: Type.Optional(Type.String()),
            imageSvg: Type.String(),
          },
          closed,
        ),
      ),
    ),
    expiresAt: DateTime(),
    /** Start a face session with this purpose to confirm by face. */
    facePurpose: Type.Unsafe<FacePurpose>({ type: 'string' }),
    /** Whether the scanner has a signing PIN (else face only). */
    pinAvailable: Type.Boolean(),
    approval: Type.Optional(Nullable(SignTaskApproval)),
    documentType: Type.Optional(Type.Unsafe<(typeof DOCUMENT_TYPES)[number] | null>({ type: ['string', 'null'] })),
    amountFen: Type.Optional(Nullable(Type.Integer())),
    /** The document itself, when the system uploaded it; null when the task names only its SM3. */
    document: Nullable(SignTaskDocument),
  },
  closed,
)
export type SignTaskPreview = Static<typeof SignTaskPreview>

/** From parseSignQrContent. */
export const ScanSignTaskRequest = Type.Object({ ticket: Type.String({ minLength: 1, maxLength: 64 }) }, closed)
export type ScanSignTaskRequest = Static<typeof ScanSignTaskRequest>

/** A face ticket of purpose `sign:<taskId>`, or the signing PIN. */
export const ConfirmSignTaskRequest = Type.Object(
  { ticket: Type.Optional(FaceTicket), pin: Type.Optional(Pin) },
  closed,
)
export type ConfirmSignTaskRequest = Static<typeof ConfirmSignTaskRequest>

export interface RejectSignTaskRequest {
  reason?: string
}
const RejectSignTaskBody = Raw<RejectSignTaskRequest | null | undefined>({
  type: ['object', 'null'],
  additionalProperties: false,
  properties: { reason: { type: 'string', maxLength: 200 } },
})

/** The view link of a task's document (`?view=`): what the route's query accepts. */
export const SIGN_DOCUMENT_VIEW_PATTERN = '^[0-9]{10}\\.[A-Za-z0-9_-]{43}$'

const TaskParams = Type.Object({ taskId: Uuid() }, closed)
const RecordParams = Type.Object({ recordId: Uuid() }, closed)

// --- 企业成员 (the legal representative's list; removing one revokes their grants) ---

/** GET /enterprises/:id/members: a person linked to the enterprise, with the grants addressed to them. */
export const EnterpriseMember = Type.Object(
  {
    userId: Uuid(),
    nameMasked: Nullable(Type.String()),
    phoneMasked: Nullable(Type.String()),
    role: StringEnum(ENTERPRISE_ROLES),
    /** The row is the caller's own (it cannot be removed). */
    isSelf: Type.Boolean(),
    /** False for a 经办人 whose grants have all ended: the link gives no rights until a new grant. */
    active: Type.Boolean(),
    linkedAt: DateTime(),
    /** Grants addressed to this person that are waiting or in force. */
    grants: Type.Array(SealGrantView),
  },
  closed,
)
export type EnterpriseMember = Static<typeof EnterpriseMember>

// --- 验章 ---

/** The largest SES_Signature file 验章 reads (server/capabilities/esign/signing/verification-der.ts checks the bytes). */
export const SES_DER_MAX_BYTES = 48 * 1024
/**
 * The largest document sent whole (1.5 MB, base64 2 MB: most contracts and letters); a larger one
 * is verified by its SM3 (`documentSm3`), which is all the server would compute from it.
 */
export const VERIFICATION_DOCUMENT_MAX_BYTES = 1.5 * 1024 * 1024
export const base64LengthOf = (bytes: number): number => Math.ceil(bytes / 3) * 4

/** What a verification takes of a signature record: the three fields relied on; the rest may come along. */
type RecordToVerify = Pick<SignatureRecord, 'tbs' | 'signature' | 'signerPublicKey'> & Partial<SignatureRecord>

export const SealVerificationRequest = Type.Object(
  {
    /** A signature record of ours by its id, as the verification link names it. */
    recordId: Type.Optional(Uuid()),
    /** The record (the signature file downloaded at signing), or `recordId`: one of them. The whole
     * record as received may be passed; only these fields are relied on. */
    signatureRecord: Type.Optional(
      Type.Unsafe<RecordToVerify>(
        Type.Object({
          tbs: Type.String({ minLength: 1, maxLength: 65536 }),
          signature: Type.String({ minLength: 1, maxLength: 512 }),
          signerPublicKey: Type.String({ minLength: 1, maxLength: 2048 }),
          sesSignature: Type.Optional(Nullable(Type.String({ maxLength: 65536 }))),
        }),
      ),
    ),
    /** Or the GB/T 38540 SES_Signature file itself (DER, base64): every step runs from it alone. */
    sesSignatureDer: Type.Optional(Type.String({ minLength: 1, maxLength: base64LengthOf(SES_DER_MAX_BYTES) })),
    /** The document (base64) or its SM3; one of them. */
    document: Type.Optional(Type.String({ maxLength: base64LengthOf(VERIFICATION_DOCUMENT_MAX_BYTES) })),
    documentSm3: Type.Optional(Type.String({ maxLength: 64 })),
  },
  closed,
)
export type SealVerificationRequest = Static<typeof SealVerificationRequest>

export const SealVerificationChecks = Type.Object(
  {
    hashMatches: Type.Boolean(),
    signatureValid: Type.Boolean(),
    sealValidAtSigningTime: Type.Boolean(),
    signerAuthorisedAtSigningTime: Type.Boolean(),
    sealNotRevoked: Type.Boolean(),
  },
  closed,
)
export type SealVerificationChecks = Static<typeof SealVerificationChecks>

export const VerificationStep = Type.Object(
  {
    /** Stable: a key of SealVerificationChecks today. */
    key: Type.String(),
    /** e.g. 原文杂凑, 签章值, 印章状态 */
    name: Type.String(),
    passed: Type.Boolean(),
    /** The verdict of this step in a sentence. */
    text: Type.String(),
  },
  closed,
)
export type VerificationStep = Static<typeof VerificationStep>

/**
 * 验章回执: `payload` is the canonical JSON (keys sorted, no spaces, UTF-8) of the verdict, steps,
 * record id, document SM3 and verifiedAt; `signature` is SM2-with-SM3 (signer ID 1234567812345678)
 * over exactly those bytes by the key of `certificate`, which the seal CA issued. OpenSSL checks it
 * offline (README「在本机用 OpenSSL 复核」).
 */
export const VerificationReceipt = Type.Object(
  {
    format: Type.Unsafe<'zqt-verification-receipt/1'>({ type: 'string' }),
    payload: Type.String(),
    /** DER SEQUENCE{r, s}, base64. */
    signature: Type.String(),
    signatureAlgorithm: Type.Unsafe<'SM2-with-SM3'>({ type: 'string' }),
    signerId: Type.String(),
    /** The receipt key's certificate (PEM), issued by the seal CA (GET /api/v1/pki/ca). */
    certificate: Type.String(),
  },
  closed,
)
export type VerificationReceipt = Static<typeof VerificationReceipt>

/** POST /seal-verifications's answer: the verdict, every step, and the signed receipt. */
export const SealVerificationResponse = Type.Object(
  {
    valid: Type.Boolean(),
    checks: SealVerificationChecks,
    /** What the signature says it is, when it could be read. */
    seal: Nullable(
      Type.Object(
        {
          id: Type.String(),
          kind: StringEnum(['seal', 'personal'] as const),
          name: Type.String(),
          holder: Type.String(),
        },
        closed,
      ),
    ),
    signedAt: Nullable(Type.String()),
    /** Chinese, one per failed check. */
    problems: Type.Array(Type.String()),
    /** Every check in order, in words: what the app lists (later steps, e.g. certificates, append here). */
    steps: Type.Array(VerificationStep),
    /** The result signed by the server's receipt key (POST /seal-verifications always sends it). */
    receipt: VerificationReceipt,
  },
  closed,
)

/** What the checks decide (the route adds the receipt, which its answer always carries). */
export type SealVerificationResult = Omit<Static<typeof SealVerificationResponse>, 'receipt'> & {
  receipt?: VerificationReceipt
}

// --- operations ---

const revoke = { params: SealRuleParams, body: RevokeSealRequest, response: { 200: SealRevokeResult } }

/** The schemas of each esign operation, by the operation's name in ./endpoints.ts. */
export const ops = {
  // 刷脸
  startFaceSession: { body: StartFaceSessionRequest, response: { 201: FaceSessionStarted } },
  getVerifiedIdentity: { response: { 200: VerifiedIdentityResponse } },
  completeFaceSession: {
    params: Type.Object({ sessionId: Uuid() }, closed),
    body: CompleteFaceSessionBody,
    response: { 200: FaceTicketIssued },
  },
  linkEnterprises: { body: LinkEnterprisesRequest, response: { 200: LinkEnterprisesResponse } },
  // 电子印章
  claimSeals: {
    params: EnterpriseIdParams,
    body: ClaimSealsRequest,
    response: { 201: Type.Object({ seals: Type.Array(SealView) }, closed) },
  },
  listSeals: { params: EnterpriseIdParams, response: { 200: SealListResponse } },
  getSealRules: { params: SealRuleParams, response: { 200: SealRulesView } },
  saveSealRules: { params: SealRuleParams, body: SealRulesSchema, response: { 200: SealRulesView } },
  revokeSeal: revoke,
  replaceSeal: revoke,
  // 个人电子签名
  claimSignature: { body: ClaimSignatureRequest, response: { 201: PersonalSignatureView } },
  getMySignature: { response: { 200: MySignatureResponse } },
  revokeMySignature: { body: RevokeSignatureRequest, response: { 200: PersonalSignatureView } },
  replaceMySignature: { body: ReplaceSignatureRequest, response: { 201: PersonalSignatureView } },
  // 印章授权 / 用章记录
  createSealGrant: { params: EnterpriseIdParams, body: CreateSealGrantRequest, response: { 201: SealGrantCreated } },
  listSealGrants: { params: EnterpriseIdParams, response: { 200: Type.Array(SealGrantView) } },
  revokeSealGrant: { params: GrantParams, response: { 200: SealGrantView } },
  acceptSealGrant: { body: AcceptSealGrantRequest, response: { 200: SealGrantView } },
  listMySealGrants: { response: { 200: Type.Array(MySealGrantView) } },
  acceptSealGrantById: { params: GrantIdParams, response: { 200: SealGrantView } },
  listSealAudit: { params: EnterpriseIdParams, query: SealAuditQuery, response: { 200: SealAuditPage } },
  // 用章报告
  listSealReports: { params: EnterpriseIdParams, response: { 200: SealReportList } },
  getSealReport: { params: SealReportParams, response: { 200: SealReportViewSchema } },
  // 签章任务 (admin)
  sweepSignTasks: { response: { 200: SignTaskSweepReport } },
  // 扫码签章
  createSignTask: { body: CreateSignTaskRequest, response: { 201: SignTaskCreated } },
  getSignTask: { params: TaskParams, response: { 200: SignTaskView } },
  scanSignTask: { body: ScanSignTaskRequest, response: { 200: SignTaskPreview } },
  getSignTaskDocument: {
    params: TaskParams,
    query: Type.Object({ view: Type.Optional(Type.String({ pattern: SIGN_DOCUMENT_VIEW_PATTERN })) }, closed),
    /** The document's bytes with its own content type (not JSON: the serializer leaves them alone). */
    response: { 200: Binary('*/*', '文件原文') },
  },
  confirmSignTask: { params: TaskParams, body: ConfirmSignTaskRequest, response: { 200: SignTaskView } },
  rejectSignTask: { params: TaskParams, body: RejectSignTaskBody, response: { 200: SignTaskView } },
  // 企业成员
  listEnterpriseMembers: { params: EnterpriseIdParams, response: { 200: Type.Array(EnterpriseMember) } },
  removeEnterpriseMember: {
    errors: ['MEMBER_SELF_REMOVAL', 'MEMBER_LAST_LEGAL_REPRESENTATIVE'],
    params: Type.Object({ enterpriseId: IdParam(), userId: Uuid() }, closed),
    response: { 204: Type.Null() },
  },
  // 验章 (no login): the verification, the files it hands out, the certificates to check them with
  verifySeal: { body: SealVerificationRequest, response: { 200: SealVerificationResponse } },
  getSesSignature: {
    params: RecordParams,
    response: { 200: Binary('application/octet-stream', 'DER（GB/T 38540 SES_Signature）') },
  },
  getVerificationQr: { params: RecordParams, response: { 200: Binary('image/png', 'PNG') } },
  getCaCertificate: { response: { 200: Binary('application/x-pem-file', 'PEM') } },
  getTsaCertificate: { response: { 200: Binary('application/x-pem-file', 'PEM') } },
  getCrl: { response: { 200: Binary('application/pkix-crl', 'DER') } },
  getOpensslCrl: { response: { 200: Binary('application/pkix-crl', 'DER') } },
} satisfies { [name: string]: OperationSchemas }
