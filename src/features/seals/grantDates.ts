import { chinaDateOf, chinaDateTimeOf } from '../../domain/calendar/dates'

/**
 * The last China calendar day of a grant (what the legal representative picked). The server keeps
 * `validUntil` as the instant the grant ends: the start of the next day in China time.
 */
export function grantLastDay(validUntil: string): string {
  const ms = Date.parse(validUntil)
  return Number.isNaN(ms) ? validUntil : chinaDateOf(ms - 1)
}

/** When an invite code stops working, in China time ('YYYY-MM-DD HH:mm'). */
export function inviteDeadline(inviteExpiresAt: string): string {
  return chinaDateTimeOf(inviteExpiresAt)
}

/** A seal's or signature's end of validity (an instant) as its China calendar day. */
export function validityEndDay(validTo: string): string {
  const ms = Date.parse(validTo)
  return Number.isNaN(ms) ? validTo : chinaDateOf(ms)
}
