/**
 * Wire types of 许证闹钟 (licences, reminders, inbox). The app imports them with `import type`
 * only. Dates are 'YYYY-MM-DD' (China calendar days); instants are ISO timestamps.
 */
import type { Platform } from './contract'
import type { InboxKind } from '../src/domain/inbox/kinds'

export type LicenceStatus =
  'valid' | 'renewal-due' | 'urgent' | 'deadline-missed' | 'expired' | 'renewing' | 'cancelled'

// Moved to src/contract/licences/schemas.ts (issue #13): re-exported until every user has moved.
export type { LicenceTypeView } from '../src/contract/licences/schemas'

/** What the user types to add or edit a licence. */
export interface LicenceInput {
  typeCode: string
  number: string
  authority: string
  issuedOn: string
  expiresOn: string
  scope?: string | null
}

export interface LicenceHistoryEntry {
  number: string
  issuedOn: string
  expiresOn: string
  /** the day the new certificate replaced this one */
  replacedOn: string
}

export interface LicenceView extends Required<Omit<LicenceInput, 'scope'>> {
  id: string
  enterpriseId: string
  typeName: string
  scope: string | null
  renewalStartedOn: string | null
  cancelledOn: string | null
  /** as of `asOf` (today in China when the server answered) */
  status: LicenceStatus
  statusLabel: string
  asOf: string
  /** last day to apply for renewal (moved back to a working day if the legal date is a day off) */
  latestApplyOn: string
  legalLatestApplyOn: string
  movedOffDayOff: boolean
  earliestApplyOn: string | null
  daysToDeadline: number
  daysToExpiry: number
  /** the deadline relied on a year whose holidays are not published yet: show 「预计」 */
  estimate: boolean
  canApplyNow: boolean
  history: LicenceHistoryEntry[]
  updatedAt: string
}

export interface LicenceListResponse {
  asOf: string
  items: LicenceView[]
  /** for the 工作台 card and the filter chips, over all of the enterprise's licences */
  counts: Record<LicenceStatus, number>
}

export interface RenewedLicenceInput {
  number: string
  issuedOn: string
  expiresOn: string
}

export type ReminderChannel = 'inbox' | 'wechat' | 'alipay'

export interface ReminderSettings {
  /** days before the renewal deadline, each 0–365, unique */
  offsets: number[]
  /** one more reminder on the expiry day itself */
  onExpiryDay: boolean
  channels: Record<ReminderChannel, boolean>
}

export type SubscribeResult = 'accept' | 'reject' | 'ban'

export interface SubscribeTemplate {
  id: string
  /** what the template announces, e.g. 「证照续期提醒」 */
  title: string
}

export interface SubscriptionState {
  platform: Exclude<Platform, 'h5'>
  /** at most 3 per request on both platforms */
  templates: SubscribeTemplate[]
  results: Record<string, SubscribeResult | null>
}

export interface RecordSubscriptionsRequest {
  platform: Exclude<Platform, 'h5'>
  results: Record<string, SubscribeResult>
}

export type InboxLink =
  | { kind: 'licence'; licenceId: string }
  | { kind: 'policy'; policyId: string }
  | { kind: 'complaint'; complaintId: string }
  /** a 用章报告 of the message's enterprise ('YYYY-MM') */
  | { kind: 'seal-report'; month: string }
  /** the 用章记录 of the message's enterprise (a 用章提醒) */
  | { kind: 'seal-audit' }
  | { kind: 'none' }

export interface InboxMessage {
  id: string
  enterpriseId: string | null
  kind: InboxKind
  title: string
  body: string
  link: InboxLink
  createdAt: string
  readAt: string | null
}

export interface InboxPage {
  items: InboxMessage[]
  unread: number
  /** pass as ?before= for the next page; null at the end */
  nextCursor: string | null
}

export interface ImportReport {
  received: number
  accepted: number
  created: number
  updated: number
  /** accepted rows identical to what was already stored (a re-import) */
  unchanged: number
  rejected: { line: number; reason: string }[]
}

export interface ReminderRunReport {
  date: string
  /** (licence, offset, user) reminders due on the date */
  due: number
  delivered: Record<ReminderChannel, number>
  /** already delivered by an earlier run */
  skipped: number
  failed: number
  /** not sendable for good: the user refused or has no subscription left, the platform rejected the
   * message, or the licence stopped being due (renewal started, cancelled, deleted) */
  undeliverable: number
}

export interface FollowUpEntry {
  licenceId: string
  enterpriseName: string
  uscc: string
  typeName: string
  number: string
  latestApplyOn: string
  expiresOn: string
  daysToDeadline: number
  /** masked: staff phone the legal representative */
  contactPhoneMasked: string | null
}
