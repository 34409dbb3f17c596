import { chinaDateOf } from '../calendar/dates'
import { isWorkingDay } from '../calendar/workingDays'
import type { SealType } from './sealTypes'

/**
 * 用章规则: what the legal representative allows a seal to be used for (issue #15 items 7 and 8).
 * Pure rules, shared by the server (which decides) and the app (which explains them).
 * An empty list means "any"; a missing hours window means "any time"; a missing limit "no limit".
 * Times are China time (UTC+8, no daylight saving), days are China calendar days.
 */

export const DOCUMENT_TYPES = ['contract', 'letter', 'certificate', 'finance', 'other'] as const
export type DocumentType = (typeof DOCUMENT_TYPES)[number]

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  contract: '合同',
  letter: '公函',
  certificate: '证明',
  finance: '财务',
  other: '其他',
}

export function isDocumentType(value: unknown): value is DocumentType {
  return typeof value === 'string' && (DOCUMENT_TYPES as readonly string[]).includes(value)
}

/** 'HH:MM', 00:00–23:59, or 24:00 as the end of a window. */
export type ClockTime = string

export interface SealRules {
  /** Document systems (system ids) that may request this seal; empty: any. */
  systemIds: string[]
  /** Document types this seal may be used on; empty: any. A task that names no type passes only "any". */
  documentTypes: DocumentType[]
  /** Hours of use, China time, from ≤ t < to; null: any time. */
  hours: { from: ClockTime; to: ClockTime } | null
  /** Only on working days of the published Chinese calendar (weekends and holidays off, 调休 days on). */
  workingDaysOnly: boolean
  /** Signatures with this seal per China calendar day; null: no limit. */
  dailyLimit: number | null
  /**
   * 合同专用章 only: documents whose amount (fen) is at least minAmountFen — or that state no
   * amount — need a second approver from approverUserIds (handlers holding a grant of the seal, or
   * the legal representative). null: one confirmation is enough.
   */
  secondApproval: { minAmountFen: number; approverUserIds: string[] } | null
}

export const NO_SEAL_RULES: SealRules = {
  systemIds: [],
  documentTypes: [],
  hours: null,
  workingDaysOnly: false,
  dailyLimit: null,
  secondApproval: null,
}

export const DAILY_LIMIT_MAX = 10_000
/** 10^14 fen = one trillion yuan: far above any contract, well inside a double's exact integers. */
export const AMOUNT_FEN_MAX = 100_000_000_000_000

/** Machine-readable reason of a refusal, kept in the seal audit (reports count them). */
export type SealRuleRefusal =
  'system-not-allowed' | 'document-type-not-allowed' | 'outside-hours' | 'not-working-day' | 'daily-limit-reached'

export const SEAL_RULE_REFUSAL_MESSAGES: Record<SealRuleRefusal, string> = {
  'system-not-allowed': '该印章的用章规则不允许本业务系统申请用章',
  'document-type-not-allowed': '该印章的用章规则不允许用于此类文件',
  'outside-hours': '当前不在该印章的用章时间内',
  'not-working-day': '该印章仅限工作日使用，今天不是工作日',
  'daily-limit-reached': '该印章今日用章次数已达上限',
}

const CLOCK = /^([01][0-9]|2[0-3]):([0-5][0-9])$|^24:00$/

export function isClockTime(value: unknown): value is ClockTime {
  return typeof value === 'string' && CLOCK.test(value)
}

export function minutesOf(time: ClockTime): number {
  const [hours, minutes] = time.split(':').map(Number)
  return hours * 60 + minutes
}

const CHINA_OFFSET_MS = 8 * 3_600_000

/** Minutes since China midnight at `nowMs`. */
export function chinaMinuteOfDay(nowMs: number): number {
  return Math.floor(((((nowMs + CHINA_OFFSET_MS) % 86_400_000) + 86_400_000) % 86_400_000) / 60_000)
}

/** What the rules say of a task when a system creates it (system and document type are known then). */
export function refusalAtCreation(
  rules: SealRules,
  task: { systemId: string; documentType: DocumentType | null },
): SealRuleRefusal | null {
  if (rules.systemIds.length > 0 && !rules.systemIds.includes(task.systemId)) return 'system-not-allowed'
  if (rules.documentTypes.length > 0 && (!task.documentType || !rules.documentTypes.includes(task.documentType)))
    return 'document-type-not-allowed'
  return null
}

/** What the rules say of a confirmation at `nowMs` (the daily count is decided in the database). */
export function refusalAtConfirmation(rules: SealRules, nowMs: number): SealRuleRefusal | null {
  if (rules.workingDaysOnly && !isWorkingDay(chinaDateOf(nowMs))) return 'not-working-day'
  if (rules.hours) {
    const minute = chinaMinuteOfDay(nowMs)
    if (minute < minutesOf(rules.hours.from) || minute >= minutesOf(rules.hours.to)) return 'outside-hours'
  }
  return null
}

/** A refusal in words, with the rule that made it (e.g. the hours). */
export function refusalMessage(refusal: SealRuleRefusal, rules: SealRules): string {
  const base = SEAL_RULE_REFUSAL_MESSAGES[refusal]
  if (refusal === 'outside-hours' && rules.hours) return `${base}（${rules.hours.from}–${rules.hours.to}，北京时间）`
  if (refusal === 'daily-limit-reached' && rules.dailyLimit !== null) return `${base}（每日 ${rules.dailyLimit} 次）`
  return base
}

/** Whether a task using a seal of `sealType` under `rules` needs a second approver. Fails closed: no amount counts as above. */
export function needsSecondApprover(rules: SealRules, sealType: SealType, amountFen: number | null): boolean {
  if (sealType !== 'contract' || !rules.secondApproval) return false
  return amountFen === null || amountFen >= rules.secondApproval.minAmountFen
}

/** Problems with rules as a person entered them, in Chinese (empty: fine). */
export function sealRulesProblems(rules: SealRules, sealType: SealType): string[] {
  const problems: string[] = []
  if (rules.hours) {
    if (!isClockTime(rules.hours.from) || !isClockTime(rules.hours.to) || rules.hours.from === '24:00')
      problems.push('用章时间应为 HH:MM（00:00–24:00）')
    else if (minutesOf(rules.hours.from) >= minutesOf(rules.hours.to)) problems.push('用章时间的开始应早于结束')
  }
  if (
    rules.dailyLimit !== null &&
    (!Number.isInteger(rules.dailyLimit) || rules.dailyLimit < 1 || rules.dailyLimit > DAILY_LIMIT_MAX)
  )
    problems.push(`每日用章次数上限应为 1–${DAILY_LIMIT_MAX} 的整数`)
  if (new Set(rules.documentTypes).size !== rules.documentTypes.length) problems.push('文件类型不能重复')
  if (rules.secondApproval) {
    if (sealType !== 'contract') problems.push('双人审批仅适用于合同专用章')
    const { minAmountFen, approverUserIds } = rules.secondApproval
    if (!Number.isInteger(minAmountFen) || minAmountFen < 0 || minAmountFen > AMOUNT_FEN_MAX)
      problems.push('双人审批的金额门槛应为非负整数（分）')
    if (approverUserIds.length === 0) problems.push('请至少指定一名第二审批人')
  }
  return problems
}

/** Yuan as people write it (e.g. 100000 fen → "1,000.00 元"). */
export function formatFen(fen: number): string {
  const yuan = Math.floor(fen / 100)
  const cents = String(fen % 100).padStart(2, '0')
  return `${String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents} 元`
}

/** "100000" or "1,000.5" 元 → fen; null when it is not an amount (at most two decimals). */
export function parseYuanToFen(text: string): number | null {
  const clean = text.replace(/[,，\s]/g, '')
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(clean)
  if (!match) return null
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
}
