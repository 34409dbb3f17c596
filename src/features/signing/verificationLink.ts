import { RECORD_ID } from '../../domain/signing/verificationLink'
import { normaliseSm3, parseSignatureRecord } from './verificationText'

/** What the 验章 page was opened with, read once. */
export interface VerificationLink {
  /** A signature record of ours by id, with the SM3 of the document it was signed over. */
  recordId?: string
  hash?: string
  /** Older links carried the record itself (URL-encoded JSON) and `sm3`: they fill the pasted form. */
  record?: string
  sm3?: string
  /** A link was followed but cannot be used (cut short, mistyped, mangled by a chat app). */
  broken: boolean
}

function decodeParam(value: string | undefined): string | undefined {
  if (!value) return undefined
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/**
 * The verification link signing produces (`record` = the signature record's id, `hash` = the
 * document's SM3), or an older one (`record` = the record as JSON, `sm3`). Anything else that names
 * a record or a hash is broken: the page says so rather than landing silently on the plain form.
 * No parameter at all is the plain page.
 */
export function readVerificationLink(params: Record<string, string | undefined>): VerificationLink {
  // The server's /verify landing marks a link it could not pass on (server/capabilities/esign/routes/sign-qr.ts).
  if (params.e === 'broken') return { broken: true }
  const record = decodeParam(params.record)
  const hash = decodeParam(params.hash)
  if (record === undefined && hash === undefined && params.sm3 === undefined) return { broken: false }
  if (record !== undefined && RECORD_ID.test(record)) {
    const documentSm3 = hash === undefined ? null : normaliseSm3(hash)
    return documentSm3 && params.sm3 === undefined
      ? { recordId: record, hash: documentSm3, broken: false }
      : { broken: true }
  }
  // An older link as it always was: the form shows the record, and the SM3 as given (checked on 开始验章).
  if (record !== undefined && hash === undefined && parseSignatureRecord(record).ok) {
    return { record, sm3: params.sm3, broken: false }
  }
  return { broken: true }
}
