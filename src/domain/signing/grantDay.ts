import { chinaDateOf } from '../calendar/dates'

/**
 * The last China calendar day of a seal grant (what the legal representative picked). The server
 * keeps `validUntil` as the instant the grant ends: the start of the next day in China time.
 */
export function grantLastDay(validUntil: string): string {
  const ms = Date.parse(validUntil)
  return Number.isNaN(ms) ? validUntil : chinaDateOf(ms - 1)
}
