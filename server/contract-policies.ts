/**
 * 惠企政策's wire types are in src/contract/policies/schemas.ts (issue #13). The subscribe purposes
 * stay reachable here for the reminders code that is not converted yet.
 */
export type { SubscribePurpose } from '../src/contract/policies/schemas'
