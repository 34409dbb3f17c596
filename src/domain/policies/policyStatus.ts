/**
 * The one label a policy gets beside an enterprise (issue #12 item 12: 「可申报」 must never sit
 * beside 「不在申报期」). Eligibility and the application window are two facts; the label says both
 * without contradiction:
 *
 * | verdict    | window open | not yet open            | closed                  |
 * |------------|-------------|-------------------------|-------------------------|
 * | eligible   | 可申报       | 符合条件 · 未到申报期     | 符合条件 · 已过申报期     |
 * | near       | 差一点       | 差一点 · 未到申报期       | 差一点 · 已过申报期       |
 * | ineligible | 不符合       | 不符合                   | 不符合                   |
 *
 * 免申即享 policies need no application: eligible reads 符合条件 · 免申即享 while open. 差一点 is
 * only ever a fix the owner can make (match.ts, FAR_FACTOR in prepare.ts); 不符合 carries its reason
 * in the conditions.
 */
import { toDayNumber, type IsoDate } from '../calendar/dates'
import type { Verdict } from './match'
import type { ApplicationWindow } from './policy'

export type WindowState = 'open' | 'not-yet' | 'closed'

export const WINDOW_LABELS: Record<WindowState, string> = {
  open: '正在申报',
  'not-yet': '未到申报期',
  closed: '已过申报期',
}

/** Where `today` falls against the window (both ends inclusive, either may be open). */
export function windowState(window: ApplicationWindow, today: IsoDate): WindowState {
  const day = toDayNumber(today)
  if (window.opensOn !== undefined && day < toDayNumber(window.opensOn)) return 'not-yet'
  if (window.closesOn !== undefined && day > toDayNumber(window.closesOn)) return 'closed'
  return 'open'
}

/** 'go' can apply now; 'near' one fix away; 'wait' qualifies but not now; 'no' does not qualify. */
export type StatusTone = 'go' | 'near' | 'wait' | 'no'

export interface PolicyStatusLabel {
  text: string
  tone: StatusTone
}

export function policyStatusLabel(verdict: Verdict, window: WindowState, autoGrant: boolean): PolicyStatusLabel {
  if (verdict === 'ineligible') return { text: '不符合', tone: 'no' }
  if (verdict === 'near')
    return window === 'open'
      ? { text: '差一点', tone: 'near' }
      : { text: `差一点 · ${WINDOW_LABELS[window]}`, tone: 'near' }
  if (window !== 'open') return { text: `符合条件 · ${WINDOW_LABELS[window]}`, tone: 'wait' }
  return autoGrant ? { text: '符合条件 · 免申即享', tone: 'go' } : { text: '可申报', tone: 'go' }
}

/** A catalogue row with no enterprise to judge: only the window (or 免申即享) is known. */
export function catalogueStatusLabel(window: WindowState, autoGrant: boolean): string {
  return autoGrant && window === 'open' ? '免申即享' : WINDOW_LABELS[window]
}
