import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * See what you sign on H5: a browser shows a PDF in place only in a frame, and a frame cannot send
 * the session's Authorization header. The preview therefore carries a view link as well: the
 * document path with `?view=<expiry>.<HMAC>`, the HMAC (under the server secret) binding the task,
 * the person who scanned it and the expiry. It opens that one document for that person for
 * SIGN_DOCUMENT_VIEW_TTL_SECONDS, with the same checks as the session route (scanned by them, open
 * or signed by them); it is no session and opens nothing else. Pages send no Referer (no-referrer),
 * and the answer is `no-store`.
 */

export const SIGN_DOCUMENT_VIEW_TTL_SECONDS = 15 * 60

const VIEW_TOKEN = /^(\d{10})\.([A-Za-z0-9_-]{43})$/

/** The form the route's querystring schema accepts (defined with the contract). */
export { SIGN_DOCUMENT_VIEW_PATTERN } from '../../../../src/contract/esign/schemas'

function mac(secret: string, taskId: string, userId: string, expiresAt: string): Buffer {
  return createHmac('sha256', secret).update(`sign-document-view:${taskId}:${userId}:${expiresAt}`, 'utf8').digest()
}

export function signDocumentViewToken(secret: string, taskId: string, userId: string, nowMs: number): string {
  const expiresAt = String(Math.floor(nowMs / 1000) + SIGN_DOCUMENT_VIEW_TTL_SECONDS)
  return `${expiresAt}.${mac(secret, taskId, userId, expiresAt).toString('base64url')}`
}

/** Whether `token` is a live view link to `taskId` issued to `userId`. */
export function signDocumentViewAllows(
  secret: string,
  token: string,
  taskId: string,
  userId: string,
  nowMs: number,
): boolean {
  const match = VIEW_TOKEN.exec(token)
  if (!match) return false
  const [, expiresAt, given] = match
  if (Number(expiresAt) * 1000 <= nowMs) return false
  // Compared as text, not as decoded bytes: the last of 43 base64url characters carries two unused
  // bits, so four different spellings decode to the same MAC; only the one the server wrote opens.
  const expected = Buffer.from(mac(secret, taskId, userId, expiresAt).toString('base64url'), 'utf8')
  const actual = Buffer.from(given, 'utf8')
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
