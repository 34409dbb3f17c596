import { daysBetween, type IsoDate } from '../../../src/domain/calendar/dates'
import { workingDaysBetween } from '../../../src/domain/calendar/workingDays'
import type { ComplianceKind } from '../../../src/domain/compliance/item'
import { othersSuffix } from '../../../src/domain/compliance/reminderQuota'
import { COMPLIANCE_CALENDAR_LINK, complaintLink, complianceItemLink, policyLink } from '../../../src/domain/links'
import { chineseDate, thing } from '../../kernel/notify/message-fields'
import { defineNotice } from '../../kernel/notify/notices'
import type { OutgoingMessage } from '../../kernel/notify/sender'

/**
 * 合规提醒 (issue #14 item 10): what one reminder of a compliance deadline says in the inbox and
 * as a WeChat subscribe / Alipay template message, and the digest a platform sends when the user
 * has fewer subscriptions left than reminders due (../../src/domain/compliance/reminderQuota.ts).
 */

/** What an outbox row of purpose 'compliance-reminder' carries (its payload): enough to render it. */
export interface ComplianceReminderPayload {
  kind: ComplianceKind
  /** the item's key (ComplianceItem.sourceId) */
  itemKey: string
  offsetKey: string
  enterpriseId: string
  enterpriseName: string
  /** the item's title, e.g. 「2025年度年报」 */
  title: string
  /** the item's own deadline */
  dueDate: IsoDate
  /** the first day it can be done, when the rule has one (信用修复: the earliest application day) */
  opensOn: IsoDate | null
  /** the day of the reminder (the run's date): days left are counted from it */
  remindOn: IsoDate
  /** the rule counts working days (政策申报, 诉求) */
  countsWorkingDays: boolean
  /** the day relied on a year the State Council has not published: 预计 */
  estimated: boolean
  /** where a tap goes: the policy, the complaint, or the compliance detail page */
  source: { type: 'policy' | 'complaint'; id: string } | { type: 'detail' }
}

const KIND_NAMES: Record<ComplianceKind, string> = {
  'annual-report': '年报',
  'tax-filing': '纳税申报',
  'credit-repair': '信用修复',
  'policy-window': '政策申报',
  complaint: '诉求',
}

/** Same-day order of urgency between kinds (as the timeline's). */
export const KIND_URGENCY: Record<ComplianceKind, number> = {
  'annual-report': 1,
  'tax-filing': 2,
  'credit-repair': 3,
  'policy-window': 4,
  complaint: 5,
}

/** The item's calendar day: the deadline, or for 信用修复 the earliest application day. */
export function urgencyDay(p: ComplianceReminderPayload): IsoDate {
  return p.kind === 'credit-repair' && p.opensOn ? p.opensOn : p.dueDate
}

/** Most urgent first: the nearest day, then the heavier kind, then the key. */
export function moreUrgent(a: ComplianceReminderPayload, b: ComplianceReminderPayload): number {
  const da = urgencyDay(a)
  const db = urgencyDay(b)
  if (da !== db) return da < db ? -1 : 1
  if (a.kind !== b.kind) return KIND_URGENCY[a.kind] - KIND_URGENCY[b.kind]
  return a.itemKey < b.itemKey ? -1 : a.itemKey > b.itemKey ? 1 : 0
}

/** 「还剩3个工作日」, 「还剩12天」, 「今天截止」 (working days where the rule counts them). */
export function daysLeftText(p: ComplianceReminderPayload): string {
  const left = p.countsWorkingDays ? workingDaysBetween(p.remindOn, p.dueDate).days : daysBetween(p.remindOn, p.dueDate)
  if (left <= 0) return '今天截止'
  const estimate = p.estimated ? '（预计）' : ''
  return p.countsWorkingDays ? `还剩${left}个工作日${estimate}` : `还剩${left}天${estimate}`
}

export function complianceLink(p: ComplianceReminderPayload): string {
  if (p.source.type === 'policy') return policyLink(p.source.id)
  if (p.source.type === 'complaint') return complaintLink(p.source.id)
  return complianceItemLink(p.enterpriseId, p.itemKey, urgencyDay(p))
}

/** 合规提醒: in the inbox, and as the compliance template's subscribe message; opens the item's source. */
export const COMPLIANCE_REMINDER_NOTICE = defineNotice<ComplianceReminderPayload>({
  purpose: 'compliance-reminder',
  inboxKind: 'compliance-reminder',
  subscribe: 'compliance',
  // 事项名称, 企业名称, 截止日期, 温馨提示 — the keywords of the template registered in each console.
  fieldNames: {
    wechat: ['thing1', 'thing2', 'date3', 'thing4'],
    alipay: ['keyword1', 'keyword2', 'keyword3', 'keyword4'],
  },
  link: complianceLink,
})

/** The inbox message of one reminder. */
export function reminderInboxText(p: ComplianceReminderPayload): { title: string; body: string } {
  const subject = `${p.enterpriseName}的「${p.title}」`
  if (p.kind === 'credit-repair') {
    return {
      title: '合规提醒：信用修复可以申请了',
      body: `${subject}自 ${urgencyDay(p)} 起可申请信用修复（最晚至 ${p.dueDate} 信息自动下线）。已履行处罚决定的，可在「信用中国」网站提出申请。`,
    }
  }
  if (p.kind === 'complaint') {
    return {
      title: `合规提醒：${KIND_NAMES[p.kind]}期限${daysLeftText(p) === '今天截止' ? '今天到期' : '临近'}`,
      body: `${subject}期限为 ${p.dueDate}，${daysLeftText(p)}。到期仍未办理的，可在诉求详情中催办。`,
    }
  }
  const opening = p.offsetKey === 'opens' ? '已开始申报，' : ''
  return {
    title: `合规提醒：${KIND_NAMES[p.kind]}`,
    body: `${subject}${opening}截止日期 ${p.dueDate}，${daysLeftText(p)}，请及时办理；已办理的可在合规日历中标记「已办」。`,
  }
}

/** The item's name with 「等N项」, shortened so the count always fits a 20-character `thing`. */
export function titleWithOthers(title: string, othersCount: number): string {
  const suffix = othersSuffix(othersCount)
  const chars = Array.from(title)
  const room = 20 - suffix.length
  return `${chars.length <= room ? title : `${chars.slice(0, room - 1).join('')}…`}${suffix}`
}

/**
 * The platform message naming `lead`; with `othersCount` > 0 it is the digest: the most urgent
 * item 「等N项」, the others listed in the inbox.
 */
export function reminderPlatformMessage(
  lead: ComplianceReminderPayload,
  othersCount: number,
  toUser: string,
  templateId: string,
  names: readonly string[],
): OutgoingMessage {
  const hint =
    othersCount > 0
      ? `另有${othersCount}项临近截止，详见站内消息`
      : lead.kind === 'credit-repair'
        ? '今天起可申请信用修复'
        : `${daysLeftText(lead)}，请及时办理`
  const values = [
    titleWithOthers(lead.title, othersCount),
    thing(lead.enterpriseName),
    chineseDate(lead.dueDate),
    thing(hint),
  ]
  return {
    toUser,
    templateId,
    page: othersCount > 0 ? COMPLIANCE_CALENDAR_LINK : complianceLink(lead),
    fields: names.map((name, i) => ({ name, value: values[i] })),
  }
}
