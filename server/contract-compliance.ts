/**
 * 合规日历's wire types are in src/contract/compliance/schemas.ts (issue #13); re-exported here for
 * the server modules not touched by that move (server/capabilities/compliance/calendar-feed is being optimised separately).
 */
export type * from '../src/contract/compliance/schemas'
