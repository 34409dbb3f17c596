import { buildTimeline } from '../timeline'
import { addDays, daysBetween } from '../../../../src/domain/calendar/dates'
import type { ComplianceKind } from '../../../../src/domain/compliance/item'
import type { TimelineItem, TimelineKind } from '../../../../src/contract/compliance/schemas'
import type { CalendarEventSource, FeedEvent } from './event-source'

/** How far ahead a feed shows the planned deadlines (licences: every live one, as before). */
export const FEED_DAYS_AHEAD = 365

const LABELS: Record<ComplianceKind, string> = {
  'annual-report': '年报',
  'tax-filing': '纳税申报',
  'credit-repair': '信用修复',
  'policy-window': '政策申报',
  complaint: '诉求',
}

const ESTIMATE_NOTE = '（预计：所依据年份的节假日安排或申报期限尚未公布）'

/** The feed's UID key of a timeline item: stable per deadline and enterprise, no ':' (RFC 5545 allows it, some clients choke). */
export function complianceEventKey(item: Pick<TimelineItem, 'kind' | 'enterpriseId' | 'key'>): string {
  return `${item.kind}-${item.enterpriseId}-${item.key.replace(/:/g, '-')}`
}

function eventOf(item: TimelineItem): FeedEvent {
  const label = LABELS[item.kind as ComplianceKind]
  const alarms = new Set<number>()
  for (const day of item.reminders) if (day <= item.date) alarms.add(daysBetween(day, item.date))
  if (item.snoozedUntil) alarms.add(daysBetween(item.snoozedUntil, item.date))
  const window = item.opensOn && item.opensOn !== item.date ? `；自 ${item.opensOn} 起可办` : ''
  const due = item.dueDate !== item.date ? `；截止 ${item.dueDate}` : ''
  return {
    key: complianceEventKey(item),
    date: item.date,
    summary: `【${label}】${item.title}（${item.enterpriseName}）`,
    description: `${item.legalBasis}${window}${due}${item.estimated ? ESTIMATE_NOTE : ''}`,
    alarmDaysBefore: [...alarms],
  }
}

const COMPLIANCE_KINDS: readonly ComplianceKind[] = [
  'annual-report',
  'tax-filing',
  'credit-repair',
  'policy-window',
  'complaint',
]

/**
 * Every kind of the compliance calendar, planned in one pass by the same code as the timeline API
 * (server/capabilities/compliance/timeline.ts), from today to a year ahead, without 已办 items. One source, not
 * one per kind: every kind needs the same action, and one pass plans each enterprise-year once
 * (planYear yields all kinds together) with each batched query run once.
 */
export const complianceEventSource: CalendarEventSource = {
  kind: 'compliance',
  action: 'profile:read',
  async events({ db, today, userId, now }, enterprises) {
    if (enterprises.length === 0) return []
    const items = await buildTimeline(db, {
      userId,
      enterprises,
      from: today,
      to: addDays(today, FEED_DAYS_AHEAD),
      today,
      now,
      kinds: new Set<TimelineKind>(COMPLIANCE_KINDS),
    })
    return items.map(eventOf)
  },
}

export const COMPLIANCE_EVENT_SOURCES: readonly CalendarEventSource[] = [complianceEventSource]
