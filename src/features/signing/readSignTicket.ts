import {
  DEFAULT_SIGN_QR_HOST,
  isSignTicket,
  NOT_OURS_MESSAGE,
  parseSignQrContent,
} from '../../domain/signing/signTicket'

/** The hosts whose `https://<host>/s/<ticket>` codes are ours (the server's SIGN_QR_HOSTS default). */
export const SIGN_QR_HOSTS: readonly string[] = [DEFAULT_SIGN_QR_HOST]

/**
 * A scanned code, a pasted link or a bare ticket (the landing page passes `?t=<ticket>`). Anything
 * else is refused here, so a stranger's string never reaches the server as a ticket.
 */
export function readSignTicket(input: string): { ok: true; ticket: string } | { ok: false; message: string } {
  const value = input.trim()
  if (value === '') return { ok: false, message: '请扫描或粘贴签章码' }
  if (isSignTicket(value)) return { ok: true, ticket: value }
  const parsed = parseSignQrContent(value, SIGN_QR_HOSTS)
  return parsed.kind === 'sign-ticket' ? { ok: true, ticket: parsed.ticket } : { ok: false, message: NOT_OURS_MESSAGE }
}
