/**
 * JSON schemas of the 刷脸 / 印章 / 签名 / 签章 routes. As in schemas.ts, response schemas are an
 * allow-list: a private key column could never reach a response even by a careless SELECT *.
 */
import { enterpriseSummarySchema } from './schemas'
import { AMOUNT_FEN_MAX, DAILY_LIMIT_MAX, DOCUMENT_TYPES } from '../../src/domain/signing/sealRules'

const isoInstant = { type: 'string', format: 'date-time' } as const
const nullableInstant = { type: ['string', 'null'], format: 'date-time' } as const
const uuid = { type: 'string', format: 'uuid' } as const
const nullableUuid = { type: ['string', 'null'], format: 'uuid' } as const

export const faceTicketSchema = {
  type: 'string',
  pattern: '^[A-Za-z0-9_-]{43}$',
  description: '刷脸认证票据（一次性，5 分钟内有效）',
} as const

export const pinSchema = { type: 'string', pattern: '^[0-9]{6}$', description: '6 位数字签署密码' } as const

export const sealTypeSchema = {
  type: 'string',
  enum: ['official', 'finance', 'contract', 'legal_representative'],
} as const

export const facePurposeSchema = {
  type: 'string',
  pattern:
    '^(login|claim-seal|claim-signature|grant|seal-revoke|sign:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$',
  description: 'login / claim-seal / claim-signature / grant / seal-revoke / sign:<taskId>',
} as const

export const faceSessionStartedSchema = {
  type: 'object',
  required: ['sessionId', 'provider', 'expiresAt'],
  additionalProperties: false,
  properties: {
    sessionId: uuid,
    provider: { type: 'string', enum: ['wechat', 'alipay', 'sandbox'] },
    verifyId: { type: 'string' },
    certifyId: { type: 'string' },
    certifyUrl: { type: 'string' },
    sandboxToken: { type: 'string' },
    expiresAt: isoInstant,
  },
} as const

export const faceTicketIssuedSchema = {
  type: 'object',
  required: ['ticket', 'purpose', 'expiresAt', 'person'],
  additionalProperties: false,
  properties: {
    ticket: { type: 'string' },
    purpose: { type: 'string' },
    expiresAt: isoInstant,
    person: {
      type: 'object',
      required: ['nameMasked', 'idNumberMasked'],
      additionalProperties: false,
      properties: { nameMasked: { type: 'string' }, idNumberMasked: { type: 'string' } },
    },
  },
} as const

export const linkEnterprisesResponseSchema = {
  type: 'object',
  required: ['enterprises', 'newlyLinked'],
  additionalProperties: false,
  properties: { enterprises: { type: 'array', items: enterpriseSummarySchema }, newlyLinked: { type: 'integer' } },
} as const

/** What seals and personal signatures both show: picture, validity, public key. */
const keyHolderProperties = {
  id: uuid,
  imageSvg: { type: 'string' },
  validFrom: isoInstant,
  validTo: isoInstant,
  status: { type: 'string', enum: ['valid', 'expired', 'revoked'] },
  createdAt: isoInstant,
  publicKeyPem: { type: 'string', description: 'SM2 SubjectPublicKeyInfo PEM' },
  signatureAlgorithm: { type: 'string', description: '1.2.156.10197.1.501 (SM2-with-SM3)' },
} as const

const keyHolderRequired = Object.keys(keyHolderProperties)

export const sealViewSchema = {
  type: 'object',
  required: [...keyHolderRequired, 'enterpriseId', 'type', 'typeLabel', 'name', 'holderUscc'],
  additionalProperties: false,
  properties: {
    ...keyHolderProperties,
    enterpriseId: uuid,
    type: sealTypeSchema,
    typeLabel: { type: 'string' },
    name: { type: 'string' },
    holderUscc: { type: 'string' },
  },
} as const

export const personalSignatureViewSchema = {
  type: 'object',
  required: [...keyHolderRequired, 'holderName', 'idNumberMasked', 'imageKind'],
  additionalProperties: false,
  properties: {
    ...keyHolderProperties,
    holderName: { type: 'string' },
    idNumberMasked: { type: 'string' },
    imageKind: { type: 'string', enum: ['drawn', 'name'] },
  },
} as const

export const sealGrantViewProperties = {
  id: uuid,
  enterpriseId: uuid,
  grantee: {
    type: 'object',
    required: ['userId', 'nameMasked', 'phoneMasked'],
    additionalProperties: false,
    properties: {
      userId: nullableUuid,
      nameMasked: { type: ['string', 'null'] },
      phoneMasked: { type: ['string', 'null'] },
    },
  },
  seals: {
    type: 'array',
    items: {
      type: 'object',
      required: ['id', 'type', 'name'],
      additionalProperties: false,
      properties: { id: uuid, type: sealTypeSchema, name: { type: 'string' } },
    },
  },
  validUntil: isoInstant,
  status: { type: 'string', enum: ['invited', 'active', 'expired', 'revoked'] },
  createdAt: isoInstant,
  acceptedAt: nullableInstant,
  revokedAt: nullableInstant,
} as const

const grantRequired = [
  'id',
  'enterpriseId',
  'grantee',
  'seals',
  'validUntil',
  'status',
  'createdAt',
  'acceptedAt',
  'revokedAt',
]

export const sealGrantViewSchema = {
  type: 'object',
  required: grantRequired,
  additionalProperties: false,
  properties: sealGrantViewProperties,
} as const

export const sealGrantCreatedSchema = {
  type: 'object',
  required: grantRequired,
  additionalProperties: false,
  properties: { ...sealGrantViewProperties, inviteCode: { type: 'string' }, inviteExpiresAt: isoInstant },
} as const

export const signatureRecordSchema = {
  type: 'object',
  required: [
    'format',
    'id',
    'taskId',
    'kind',
    'sealId',
    'personalSignatureId',
    'name',
    'signedAt',
    'documentSm3',
    'tbs',
    'signature',
    'signerPublicKey',
    'signatureAlgorithm',
    'digestAlgorithm',
    'signerId',
    'imageSvg',
  ],
  additionalProperties: false,
  properties: {
    format: { type: 'string', enum: ['zqt-ses-signature/1'] },
    id: uuid,
    taskId: uuid,
    kind: { type: 'string', enum: ['seal', 'personal'] },
    sealId: nullableUuid,
    personalSignatureId: nullableUuid,
    name: { type: 'string' },
    signedAt: isoInstant,
    documentSm3: { type: 'string' },
    tbs: { type: 'string', description: '待签数据（规范化 JSON 的 UTF-8 字节），base64' },
    signature: { type: 'string', description: 'SM2 签名值（DER），base64' },
    signerPublicKey: { type: 'string' },
    signatureAlgorithm: { type: 'string' },
    digestAlgorithm: { type: 'string' },
    signerId: { type: 'string' },
    imageSvg: { type: 'string' },
    sesSignature: {
      type: ['string', 'null'],
      description: 'GB/T 38540 签章数据 SES_Signature（DER，含时间戳），base64',
    },
    signerCertificate: { type: ['string', 'null'], description: '签章人证书（PEM，电子印章 CA 签发）' },
  },
} as const

/** 双人审批: who confirmed first and who may still confirm (masked names). */
export const signTaskApprovalSchema = {
  type: ['object', 'null'],
  required: ['firstConfirmedBy', 'waitingFor'],
  additionalProperties: false,
  properties: {
    firstConfirmedBy: { type: ['string', 'null'] },
    waitingFor: { type: 'array', items: { type: 'string' } },
  },
} as const

export const signTaskViewSchema = {
  type: 'object',
  required: [
    'taskId',
    'status',
    'statusLabel',
    'enterpriseUscc',
    'documentName',
    'documentSm3',
    'expiresAt',
    'scannedAt',
    'finishedAt',
    'rejectReason',
    'signatures',
  ],
  additionalProperties: false,
  properties: {
    taskId: uuid,
    status: { type: 'string', enum: ['pending', 'scanned', 'awaiting_second', 'signed', 'rejected', 'expired'] },
    statusLabel: { type: 'string', description: '待扫码 / 已扫码 / 待第二人确认 / 已签署 / 已拒绝 / 已过期' },
    enterpriseUscc: { type: 'string' },
    documentName: { type: 'string' },
    documentSm3: { type: 'string' },
    expiresAt: isoInstant,
    scannedAt: nullableInstant,
    finishedAt: nullableInstant,
    rejectReason: { type: ['string', 'null'] },
    refusalCode: { type: ['string', 'null'] },
    approval: signTaskApprovalSchema,
    signatures: { type: 'array', items: signatureRecordSchema },
  },
} as const

export const signTaskPreviewSchema = {
  type: 'object',
  required: [
    'taskId',
    'documentName',
    'documentSm3',
    'requestedBy',
    'enterprise',
    'signers',
    'expiresAt',
    'facePurpose',
    'pinAvailable',
    'document',
  ],
  additionalProperties: false,
  properties: {
    taskId: uuid,
    documentName: { type: 'string' },
    documentSm3: { type: 'string' },
    requestedBy: { type: 'string' },
    enterprise: {
      type: 'object',
      required: ['id', 'name', 'uscc'],
      additionalProperties: false,
      properties: { id: uuid, name: { type: 'string' }, uscc: { type: 'string' } },
    },
    signers: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'imageSvg'],
        additionalProperties: false,
        properties: {
          kind: { type: 'string', enum: ['seal', 'personal'] },
          sealType: sealTypeSchema,
          sealId: uuid,
          sealName: { type: 'string' },
          role: { type: 'string', enum: ['legal_representative', 'handler'] },
          holderName: { type: 'string' },
          imageSvg: { type: 'string' },
        },
      },
    },
    expiresAt: isoInstant,
    facePurpose: { type: 'string' },
    pinAvailable: { type: 'boolean' },
    approval: signTaskApprovalSchema,
    documentType: { type: ['string', 'null'] },
    amountFen: { type: ['integer', 'null'] },
    document: {
      type: ['object', 'null'],
      required: ['kind', 'mimeType', 'sizeBytes', 'path', 'viewPath'],
      additionalProperties: false,
      properties: {
        kind: { type: 'string', enum: ['pdf', 'image', 'other'] },
        mimeType: { type: 'string' },
        sizeBytes: { type: 'integer' },
        path: { type: 'string' },
        viewPath: { type: 'string', description: '无需会话即可在页面内嵌显示的地址（15 分钟内有效，仅限扫码人）' },
      },
    },
  },
} as const

const clockTime = { type: 'string', pattern: '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$' } as const

/** 用章规则 as the legal representative sends them (SealRules in src/domain/signing/sealRules.ts). */
export const sealRulesSchema = {
  type: 'object',
  required: ['systemIds', 'documentTypes', 'hours', 'workingDaysOnly', 'dailyLimit', 'secondApproval'],
  additionalProperties: false,
  properties: {
    systemIds: { type: 'array', maxItems: 50, items: uuid },
    documentTypes: {
      type: 'array',
      maxItems: DOCUMENT_TYPES.length,
      items: { type: 'string', enum: [...DOCUMENT_TYPES] },
    },
    hours: {
      type: ['object', 'null'],
      required: ['from', 'to'],
      additionalProperties: false,
      properties: { from: clockTime, to: clockTime },
    },
    workingDaysOnly: { type: 'boolean' },
    dailyLimit: { type: ['integer', 'null'], minimum: 1, maximum: DAILY_LIMIT_MAX },
    secondApproval: {
      type: ['object', 'null'],
      required: ['minAmountFen', 'approverUserIds'],
      additionalProperties: false,
      properties: {
        minAmountFen: { type: 'integer', minimum: 0, maximum: AMOUNT_FEN_MAX },
        approverUserIds: { type: 'array', minItems: 1, maxItems: 50, items: uuid },
      },
    },
  },
} as const

export const sealRulesViewSchema = {
  type: 'object',
  required: ['sealId', 'sealType', 'rules', 'candidates'],
  additionalProperties: false,
  properties: {
    sealId: uuid,
    sealType: sealTypeSchema,
    rules: sealRulesSchema,
    candidates: {
      type: 'object',
      required: ['systems', 'approvers'],
      additionalProperties: false,
      properties: {
        systems: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'name'],
            additionalProperties: false,
            properties: { id: uuid, name: { type: 'string' } },
          },
        },
        approvers: {
          type: 'array',
          items: {
            type: 'object',
            required: ['userId', 'nameMasked', 'role'],
            additionalProperties: false,
            properties: {
              userId: uuid,
              nameMasked: { type: 'string' },
              role: { type: 'string', enum: ['legal_representative', 'handler'] },
            },
          },
        },
      },
    },
  },
} as const
