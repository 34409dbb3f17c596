import type { SealType } from './sealTypes'

/**
 * The to-be-signed structure of an e-seal signature, shaped after TBS_Sign of GB/T 38540-2020
 * (SES_Signature): version, the seal (SESeal essentials), the signing time, the document's hash
 * and property info. It is encoded as canonical JSON — object keys sorted by UTF-16 code units
 * at every level, no insignificant whitespace, integers only, every field present (null when
 * empty) — and the UTF-8 bytes of that text are what SM2 signs. Canonical means one structure
 * has exactly one encoding, so a verifier can parse the bytes, check the fields, and know the
 * signature covers exactly what it read. (A DER encoding per GB/T 38540 would be the next step
 * for interoperability with other vendors' 验章 tools; the fields map one to one.)
 */

export const TBS_FORMAT = 'zqt-tbs-sign/1'
/** SM2 signature with SM3 (GM/T 0006). */
export const SM2_WITH_SM3_OID = '1.2.156.10197.1.501'
export const SM3_OID = '1.2.156.10197.1.401'
/** The SM2 curve, as the namedCurve parameter of id-ecPublicKey. */
export const SM2_CURVE_OID = '1.2.156.10197.1.301'
export const EC_PUBLIC_KEY_OID = '1.2.840.10045.2.1'
/** GM/T 0009 default signer identity (ENTL/ID in Z = SM3(ENTL‖ID‖a‖b‖G‖P)). */
export const SM2_DEFAULT_USER_ID = '1234567812345678'

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }

export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error('canonical JSON carries integers only')
    return String(value)
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const keys = Object.keys(value).sort()
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`
}

/** SESeal essentials: which seal (or personal signature) signed, whose, valid when, with which key. */
export interface TbsSeal {
  id: string
  kind: 'seal' | 'personal'
  type: SealType | 'personal'
  name: string
  /** 统一社会信用代码 for an enterprise seal; the holder's name for a personal signature. */
  holder: string
  validFrom: string
  validTo: string
  /** SM3 of the uncompressed public key 04‖x‖y: ties the seal to the key that must verify. */
  publicKeySm3: string
}

export type SignerBasis = 'legal_representative' | 'grant' | 'holder'

export interface TbsSigner {
  userId: string
  /** The face-verified name when confirmed by face, else the account's name (may be unknown). */
  name: string | null
  basis: SignerBasis
  grantId: string | null
  confirmedBy: 'face' | 'pin'
}

export interface TbsSign {
  format: typeof TBS_FORMAT
  eseal: TbsSeal
  /** When it was signed, ISO 8601 UTC with milliseconds. */
  timeInfo: string
  /** SM3 of the document, lower-case hex. */
  dataHash: string
  dataHashAlgorithm: typeof SM3_OID
  signatureAlgorithm: typeof SM2_WITH_SM3_OID
  propertyInfo: {
    taskId: string
    documentName: string
    enterpriseUscc: string
    requestedBy: string
    signer: TbsSigner
  }
}

export function encodeTbs(tbs: TbsSign): string {
  return canonicalJson(tbs as unknown as JsonValue)
}

export type TbsProblem = 'json' | 'not-canonical' | 'shape'

const HEX64 = /^[0-9a-f]{64}$/
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

type Shape = 'string' | 'string|null' | 'hex' | 'iso' | { [key: string]: Shape } | readonly string[]

const SHAPE: Shape = {
  format: [TBS_FORMAT],
  eseal: {
    id: 'string',
    kind: ['seal', 'personal'],
    type: ['official', 'finance', 'contract', 'legal_representative', 'personal'],
    name: 'string',
    holder: 'string',
    validFrom: 'iso',
    validTo: 'iso',
    publicKeySm3: 'hex',
  },
  timeInfo: 'iso',
  dataHash: 'hex',
  dataHashAlgorithm: [SM3_OID],
  signatureAlgorithm: [SM2_WITH_SM3_OID],
  propertyInfo: {
    taskId: 'string',
    documentName: 'string',
    enterpriseUscc: 'string',
    requestedBy: 'string',
    signer: {
      userId: 'string',
      name: 'string|null',
      basis: ['legal_representative', 'grant', 'holder'],
      grantId: 'string|null',
      confirmedBy: ['face', 'pin'],
    },
  },
}

function matches(value: unknown, shape: Shape): boolean {
  if (Array.isArray(shape)) return typeof value === 'string' && shape.includes(value)
  if (shape === 'string') return typeof value === 'string'
  if (shape === 'string|null') return value === null || typeof value === 'string'
  if (shape === 'hex') return typeof value === 'string' && HEX64.test(value)
  if (shape === 'iso') return typeof value === 'string' && ISO.test(value) && !Number.isNaN(Date.parse(value))
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false
  const record = value as Record<string, unknown>
  const keys = Object.keys(shape as Record<string, Shape>)
  if (Object.keys(record).length !== keys.length) return false
  return keys.every((key) => key in record && matches(record[key], (shape as Record<string, Shape>)[key]))
}

/** Reads signed bytes (as text) back; refuses anything that is not exactly an encodeTbs output. */
export function parseTbs(text: string): { ok: true; tbs: TbsSign } | { ok: false; problem: TbsProblem } {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, problem: 'json' }
  }
  if (!matches(value, SHAPE)) return { ok: false, problem: 'shape' }
  const tbs = value as TbsSign
  if (encodeTbs(tbs) !== text) return { ok: false, problem: 'not-canonical' }
  return { ok: true, tbs }
}
