/**
 * Wire types of reminders and the inbox, still here until converted (issue #13); the licences'
 * own are in src/contract/licences/schemas.ts. The app imports them with `import type` only.
 */
import type { Platform } from './contract'
import type { InboxKind } from '../src/domain/inbox/kinds'

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
