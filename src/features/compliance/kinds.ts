import type { TimelineItem, TimelineKind } from '../../contract/compliance/schemas'

/** Every kind on the calendar, in the order of the filter chips. */
export const KINDS: readonly TimelineKind[] = [
  'licence',
  'annual-report',
  'tax-filing',
  'credit-repair',
  'policy-window',
  'complaint',
]

export const KIND_LABELS: Record<TimelineKind, string> = {
  licence: '证照续期',
  'annual-report': '企业年报',
  'tax-filing': '纳税申报',
  'credit-repair': '信用修复',
  'policy-window': '政策申报',
  complaint: '诉求',
}

/** A one-character mark per kind (decorative: the label is always beside it and read instead). */
export const KIND_ICONS: Record<TimelineKind, string> = {
  licence: '证',
  'annual-report': '年',
  'tax-filing': '税',
  'credit-repair': '信',
  'policy-window': '策',
  complaint: '诉',
}

/** 「还剩 3 个工作日」「今天截止」「已过 2 天」, in the unit the rule counts. */
export function daysText(item: Pick<TimelineItem, 'daysRemaining' | 'countsWorkingDays' | 'kind'>): string {
  const unit = item.countsWorkingDays ? '个工作日' : '天'
  const verb = item.kind === 'credit-repair' ? '可申请' : '截止'
  if (item.daysRemaining === 0) return `今天${verb}`
  if (item.daysRemaining < 0) return `已过 ${-item.daysRemaining} ${unit}`
  return `还剩 ${item.daysRemaining} ${unit}`
}
