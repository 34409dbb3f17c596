/**
 * "Now" for every app test: 2026-03-10 09:00 in China (UTC+8), a Tuesday and a working day.
 * tests/setup/app-each.ts pins `Date` here before each test; a fixture that needs a time relative
 * to now builds it from this constant, never from the machine's clock.
 */
export const PINNED_NOW = Date.parse('2026-03-10T09:00:00+08:00')
