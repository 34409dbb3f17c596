import { chinaDateOf } from '../calendar/dates'
import type { SealRuleRefusal } from '../signing/sealRules'

/**
 * The monthly 用章报告 (issue #15 item 10): a month's seal uses per seal, per handler, per document
 * system, and the refused attempts by reason, each beside the month before. Pure: the server
 * feeds it the audit of the two months and stores what it returns.
 */

/** 'YYYY-MM', a month in China time. */
export type ChinaMonth = string

const CHINA_OFFSET_MS = 8 * 3_600_000

export function isChinaMonth(text: unknown): text is ChinaMonth {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}$/.test(text)) return false
  const month = Number(text.slice(5, 7))
  const year = Number(text.slice(0, 4))
  return month >= 1 && month <= 12 && year >= 1900 && year <= 2100
}

/** The China month of an instant: 2026-03-31 23:30 CST (15:30 UTC) is '2026-03'. */
export function chinaMonthOf(instantMs: number): ChinaMonth {
  return chinaDateOf(instantMs).slice(0, 7)
}

export function addChinaMonths(month: ChinaMonth, months: number): ChinaMonth {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** [start, end) of a China month as instants (ms). */
export function chinaMonthRange(month: ChinaMonth): { fromMs: number; toMs: number } {
  const start = (m: ChinaMonth) => Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1) - CHINA_OFFSET_MS
  return { fromMs: start(month), toMs: start(addChinaMonths(month, 1)) }
}

/** '2026-03' → '2026年3月'. */
export function chinaMonthLabel(month: ChinaMonth): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`
}

/** One entry of the audit as the report counts it. */
export type SealUsageEvent =
  | {
      kind: 'use'
      atMs: number
      seal: { id: string; name: string }
      /** who signed; name already masked (张*国), null when the account has no name */
      handler: { id: string; nameMasked: string | null } | null
      system: { id: string; name: string } | null
    }
  | { kind: 'refused'; atMs: number; reason: string }

export interface SealReportLine {
  key: string
  label: string
  count: number
  /** the same count in the month before */
  previous: number
}

export interface SealUsageReport {
  month: ChinaMonth
  previousMonth: ChinaMonth
  uses: number
  previousUses: number
  refused: number
  previousRefused: number
  bySeal: SealReportLine[]
  byHandler: SealReportLine[]
  bySystem: SealReportLine[]
  refusedByReason: SealReportLine[]
}

/** What a refusal reason code reads as; the rules engine's codes are added here as they come. */
/** Refused attempts by reason: a failed PIN or face check while signing, or a 用章规则 refusal. */
export const REFUSAL_REASON_LABELS: Record<'pin-failed' | 'face-failed' | SealRuleRefusal, string> = {
  'pin-failed': '签署密码错误',
  'face-failed': '刷脸未通过',
  'outside-hours': '不在允许的用印时段',
  'not-working-day': '非工作日用印',
  'system-not-allowed': '文件系统未获准使用该印章',
  'document-type-not-allowed': '文件类型不在允许范围',
  'daily-limit-reached': '超过每日用印次数上限',
}

export function refusalReasonLabel(reason: string): string {
  return (REFUSAL_REASON_LABELS as Record<string, string>)[reason] ?? '其他原因'
}

class Tally {
  private readonly lines = new Map<string, SealReportLine>()
  /** Listed even with no use. */
  seed(key: string, label: string): void {
    if (!this.lines.has(key)) this.lines.set(key, { key, label, count: 0, previous: 0 })
  }
  add(key: string, label: string, current: boolean): void {
    const line = this.lines.get(key) ?? { key, label, count: 0, previous: 0 }
    if (current) {
      line.count++
      // The label of the reported month wins (a seal or system renamed since).
      line.label = label
    } else line.previous++
    this.lines.set(key, line)
  }
  sorted(): SealReportLine[] {
    return [...this.lines.values()].sort(
      (a, b) => b.count - a.count || b.previous - a.previous || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
    )
  }
}

/**
 * The report of `month` from the events of it and of the month before (others are ignored).
 * `seals` are the enterprise's seals: each is listed, used or not.
 */
export function aggregateSealReport(
  month: ChinaMonth,
  events: readonly SealUsageEvent[],
  seals: readonly { id: string; name: string }[] = [],
): SealUsageReport {
  const previousMonth = addChinaMonths(month, -1)
  const bySeal = new Tally()
  const byHandler = new Tally()
  const bySystem = new Tally()
  const refusedByReason = new Tally()
  const totals = { uses: 0, previousUses: 0, refused: 0, previousRefused: 0 }
  for (const seal of seals) bySeal.seed(seal.id, seal.name)
  for (const event of events) {
    const eventMonth = chinaMonthOf(event.atMs)
    if (eventMonth !== month && eventMonth !== previousMonth) continue
    const current = eventMonth === month
    if (event.kind === 'refused') {
      if (current) totals.refused++
      else totals.previousRefused++
      refusedByReason.add(event.reason, refusalReasonLabel(event.reason), current)
      continue
    }
    if (current) totals.uses++
    else totals.previousUses++
    bySeal.add(event.seal.id, event.seal.name, current)
    byHandler.add(
      event.handler?.id ?? '-',
      event.handler ? (event.handler.nameMasked ?? '未实名用户') : '系统',
      current,
    )
    if (event.system) bySystem.add(event.system.id, event.system.name, current)
    else bySystem.add('-', '无文件系统', current)
  }
  return {
    month,
    previousMonth,
    ...totals,
    bySeal: bySeal.sorted(),
    byHandler: byHandler.sorted(),
    bySystem: bySystem.sorted(),
    refusedByReason: refusedByReason.sorted(),
  }
}

/** One line of a notice: '用章 12 次（上月 9 次），拒绝 2 次'. */
export function sealReportSummary(report: Pick<SealUsageReport, 'uses' | 'previousUses' | 'refused'>): string {
  return `用章${report.uses}次（上月${report.previousUses}次），未通过${report.refused}次`
}
