import { chinaDateOf, chinaDateTimeOf } from '../../domain/calendar/dates'

/** When an invite code stops working, in China time ('YYYY-MM-DD HH:mm'). */
export function inviteDeadline(inviteExpiresAt: string): string {
  return chinaDateTimeOf(inviteExpiresAt)
}

/** A seal's or signature's end of validity (an instant) as its China calendar day. */
export function validityEndDay(validTo: string): string {
  const ms = Date.parse(validTo)
  return Number.isNaN(ms) ? validTo : chinaDateOf(ms)
}
