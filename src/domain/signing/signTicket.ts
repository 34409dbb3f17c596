/**
 * 扫码签章 QR content. The QR carries only a single-use ticket — never the document, a hash or
 * a key — as `https://<host>/s/<ticket>`, so any phone camera opens a landing page and our
 * scanner recognises its own codes. The same rules decide on the phone (is this ours?) and on
 * the server (what QR to hand a requesting system).
 *
 * Parsed by hand rather than with `URL`: WeChat's and Alipay's mini-program JS runtimes have no
 * `URL` global.
 */

/** 24 random bytes, base64url: 192 bits, 32 characters. */
export const SIGN_TICKET_LENGTH = 32
const TICKET = /^[A-Za-z0-9_-]{32}$/

export const DEFAULT_SIGN_QR_HOST = 'zqt.example.gov.cn'

export function isSignTicket(value: string): boolean {
  return TICKET.test(value)
}

/** Lower-case host, optionally with a port; no user info, no path. */
const HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/

export function isSignQrHost(host: string): boolean {
  return HOST.test(host)
}

export function buildSignQrContent(ticket: string, host: string = DEFAULT_SIGN_QR_HOST): string {
  if (!isSignTicket(ticket)) throw new Error('not a sign ticket')
  if (!isSignQrHost(host)) throw new Error(`not a QR host: ${host}`)
  return `https://${host}/s/${ticket}`
}

export type NotOursReason = 'not-a-url' | 'scheme' | 'host' | 'path' | 'ticket'

export type SignQrContent =
  { kind: 'sign-ticket'; host: string; ticket: string } | { kind: 'not-ours'; reason: NotOursReason }

const URL_SHAPE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/

/**
 * What a scanned code is. Only `https://<configured host>/s/<ticket>` with nothing after the
 * ticket is ours; anything else — other hosts, look-alike hosts with user info, extra path,
 * query or fragment, a malformed ticket — is not, so the app never sends a stranger's string to
 * the server as a ticket.
 */
export function parseSignQrContent(content: string, hosts: readonly string[] = [DEFAULT_SIGN_QR_HOST]): SignQrContent {
  const match = URL_SHAPE.exec(content.trim())
  if (!match) return { kind: 'not-ours', reason: 'not-a-url' }
  const [, scheme, authority, path, query, fragment] = match
  if (scheme.toLowerCase() !== 'https') return { kind: 'not-ours', reason: 'scheme' }
  const host = authority.toLowerCase()
  // `https://zqt.example.gov.cn@evil.example/s/…` has the evil host; reject any user info outright.
  if (authority.includes('@') || !hosts.some((allowed) => allowed.toLowerCase() === host)) {
    return { kind: 'not-ours', reason: 'host' }
  }
  const pathMatch = /^\/s\/([^/]*)$/.exec(path)
  if (!pathMatch || query !== undefined || fragment !== undefined) return { kind: 'not-ours', reason: 'path' }
  const ticket = pathMatch[1]
  if (!isSignTicket(ticket)) return { kind: 'not-ours', reason: 'ticket' }
  return { kind: 'sign-ticket', host, ticket }
}

/** For the scanner: a code that is not ours gets this, not a server round trip. */
export const NOT_OURS_MESSAGE = '不是本平台的签章二维码，请扫描业务系统显示的签章码'
