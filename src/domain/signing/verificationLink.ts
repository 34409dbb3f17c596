/**
 * The verification link signing produces (`<origin>/verify?record=<record id>&hash=<document SM3>`),
 * shared by the app (shown, copied, scanned) and the server (encoded in the verification QR). It
 * names the signature record and the document's hash, never the document.
 */

export function verificationLinkOf(origin: string, recordId: string, documentSm3: string): string {
  return `${origin}/verify?record=${encodeURIComponent(recordId)}&hash=${encodeURIComponent(documentSm3)}`
}

/** A signature record id: a uuid. */
export const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const SM3_HEX = /^[0-9a-f]{64}$/i

/** One query parameter of a URL-like text, decoded; undefined when absent or malformed. */
function queryValue(query: string, name: string): string | undefined {
  for (const pair of query.split('&')) {
    const at = pair.indexOf('=')
    if (at <= 0 || pair.slice(0, at) !== name) continue
    try {
      return decodeURIComponent(pair.slice(at + 1))
    } catch {
      return undefined
    }
  }
  return undefined
}

/**
 * What a scanned verification QR (or a pasted link) names: the record id and the document SM3,
 * lower-cased. Any host is read (the link may come from another deployment's H5 origin); only the
 * path and the two values are checked. Null for anything else. No URL global: the mini-programs'
 * logic layer on iOS 12 lacks a usable one.
 */
export function parseVerificationLink(text: string): { recordId: string; documentSm3: string } | null {
  const match = /^https?:\/\/[^/?#\s]+\/verify\?([^#\s]*)$/i.exec(text.trim())
  if (!match) return null
  const recordId = queryValue(match[1], 'record')
  const documentSm3 = queryValue(match[1], 'hash')
  if (!recordId || !documentSm3 || !RECORD_ID.test(recordId) || !SM3_HEX.test(documentSm3)) return null
  return { recordId: recordId.toLowerCase(), documentSm3: documentSm3.toLowerCase() }
}

/** The verdict in one line, from the steps of a verification (the app shows it; the receipt carries it). */
export function verdictLine(result: { valid: boolean; steps: { key: string; passed: boolean }[] }): string {
  if (result.valid) return '验章通过：签章真实有效，文件未被修改'
  const failed = result.steps.filter((step) => !step.passed)
  if (failed.length === 1 && failed[0].key === 'documentHash') return '验章未通过：文件已被修改，或不是签章的那份文件'
  return '验章未通过：签章无效'
}
