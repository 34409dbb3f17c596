import type { SealVerificationRequest } from '../../contract/esign/schemas'
import { base64Of } from '../../domain/signing/base64'

export type RecordProblem = 'empty' | 'json' | 'fields'

export const RECORD_PROBLEM_MESSAGES: Record<RecordProblem, string> = {
  empty: '请粘贴签章记录',
  json: '签章记录不是有效的 JSON，请完整复制后再粘贴',
  fields: '签章记录缺少待签数据、签名值或签名公钥，请确认复制的是完整的签章记录',
}

type RecordInput = NonNullable<SealVerificationRequest['signatureRecord']>

/** Reads a pasted signature record; only the three fields the server relies on are required. */
export function parseSignatureRecord(
  text: string,
): { ok: true; record: RecordInput } | { ok: false; problem: RecordProblem } {
  if (text.trim() === '') return { ok: false, problem: 'empty' }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, problem: 'json' }
  }
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>
  const required = ['tbs', 'signature', 'signerPublicKey'] as const
  if (!required.every((key) => typeof record[key] === 'string' && record[key] !== '')) {
    return { ok: false, problem: 'fields' }
  }
  return { ok: true, record: record as unknown as RecordInput }
}

/** SM3 digests are 256 bits: 64 hex characters. Returns the lower-case form, or null. */
export function normaliseSm3(text: string): string | null {
  const hex = text.trim().toLowerCase()
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null
}

/** What a chosen signature file that is not one says. */
export const RECORD_FILE_PROBLEM = '所选文件不是签章文件：请选择签署完成后下载的签章文件（.der 或 .json）'

/** The server takes GB/T 38540 signature files up to 48 KB (ours are about 8 KB). */
export const SES_DER_MAX_BYTES = 48 * 1024

/** A chosen signature file, as 验章 sends it: the DER itself, or the JSON signature record. */
export type SignatureFileInput = { kind: 'der'; sesSignatureDer: string } | { kind: 'record'; record: RecordInput }

/**
 * Tells the two signature files apart by content, not by name (a chat renames files): a GB/T 38540
 * SES_Signature is DER and starts with a SEQUENCE tag (0x30, which no JSON text starts with); the
 * record is JSON. Null for anything else, or a DER too large to be ours.
 */
export function readSignatureFile(bytes: Uint8Array): SignatureFileInput | null {
  if (bytes.length > 0 && bytes[0] === 0x30) {
    return bytes.length <= SES_DER_MAX_BYTES ? { kind: 'der', sesSignatureDer: base64Of(bytes) } : null
  }
  const parsed = parseSignatureRecord(utf8Text(bytes))
  return parsed.ok ? { kind: 'record', record: parsed.record } : null
}

/** The request's signature part for a chosen file. */
export function signatureSourceOf(
  input: SignatureFileInput,
): Pick<SealVerificationRequest, 'signatureRecord' | 'sesSignatureDer'> {
  return input.kind === 'der' ? { sesSignatureDer: input.sesSignatureDer } : { signatureRecord: input.record }
}

/**
 * UTF-8 bytes as text. The mini-programs' logic layer has no TextDecoder; a malformed sequence
 * becomes U+FFFD (the record then fails to parse, which is what it should do).
 */
export function utf8Text(bytes: Uint8Array): string {
  let text = ''
  let i = 0
  while (i < bytes.length) {
    const first = bytes[i]
    const length = first < 0x80 ? 1 : first >= 0xf8 ? 0 : first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 0
    if (length === 0 || i + length > bytes.length) {
      text += '\ufffd'
      i++
      continue
    }
    let code = length === 1 ? first : first & (0xff >> (length + 1))
    for (let k = 1; k < length; k++) code = (code << 6) | (bytes[i + k] & 0x3f)
    text += code > 0x10ffff ? '\ufffd' : String.fromCodePoint(code)
    i += length
  }
  return text
}

export { verificationLinkOf, verdictLine } from '../../domain/signing/verificationLink'
