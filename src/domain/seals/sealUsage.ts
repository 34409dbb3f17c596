import { chinaDateOf } from '../calendar/dates'
import { isWorkingDay } from '../calendar/workingDays'

/**
 * When a seal is normally used, and what counts as unusual (issue #15 item 10; docs/domain.md §2,
 * "Oversight"). Pure: the server decides an alert with these at the moment of use.
 */

const HOUR_MS = 3_600_000
const CHINA_OFFSET_MS = 8 * HOUR_MS

/** A seal's usual hours, China time: [fromMinute, toMinute) of the day, on working days only or every day. */
export interface UsualHours {
  workingDaysOnly: boolean
  /** minutes after midnight, China time */
  fromMinute: number
  toMinute: number
}

/** Until a seal has rules of its own: working days (the Chinese calendar, make-up days included) 08:00–20:00. */
export const DEFAULT_USUAL_HOURS: UsualHours = { workingDaysOnly: true, fromMinute: 8 * 60, toMinute: 20 * 60 }

export function isWithinUsualHours(hours: UsualHours, atMs: number): boolean {
  if (hours.workingDaysOnly && !isWorkingDay(chinaDateOf(atMs))) return false
  const minute = Math.floor(((((atMs + CHINA_OFFSET_MS) % 86_400_000) + 86_400_000) % 86_400_000) / 60_000)
  return minute >= hours.fromMinute && minute < hours.toMinute
}

/** The hours a burst is measured against: the 30 days (720 hours) before the last hour. */
export const BURST_BASELINE_HOURS = 720
/** Never an alert for this many uses in an hour or fewer, however quiet the seal was. */
export const BURST_FLOOR = 5
export const BURST_FACTOR = 3

/** Nearest-rank percentile (0 < p ≤ 100) of counts; 0 for none. */
export function percentile(counts: readonly number[], p: number): number {
  if (counts.length === 0) return 0
  const sorted = [...counts].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]
}

/**
 * The most uses in one hour that is still usual: max(5, 3 × p95 of the seal's hourly counts over
 * the 720 hours before the last one, quiet hours counted as 0). The p95, not the mean: a seal
 * used in bursts during office hours has a mean far below its ordinary busy hour (20 an hour for
 * 12 hours a working day is a mean of about 7), and 3 × the mean would alert every busy hour;
 * the p95 is the ordinary busy hour. `busyHours` are the counts of the hours with any use.
 */
export function burstThreshold(busyHours: readonly number[], hours = BURST_BASELINE_HOURS): number {
  const counts = busyHours.slice(0, hours)
  const all = counts.concat(new Array<number>(Math.max(0, hours - counts.length)).fill(0))
  return Math.max(BURST_FLOOR, BURST_FACTOR * percentile(all, 95))
}

/** A burst: more uses in the last hour than the threshold. */
export function isBurst(usesInLastHour: number, busyHours: readonly number[]): boolean {
  return usesInLastHour > burstThreshold(busyHours)
}

export type UnusualUseKind = 'off-hours' | 'burst' | 'new-system'

/** What an alert says happened, in plain Chinese. */
export const UNUSUAL_USE_LABELS: Record<UnusualUseKind, string> = {
  'off-hours': '在常用时段以外使用',
  burst: '短时间内使用次数异常增多',
  'new-system': '首次被新的文件系统调用',
}
