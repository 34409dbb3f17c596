import type { PolicyMatchView } from '../../../server/contract-policies'
import { daysBetween, type IsoDate } from '../../domain/calendar/dates'
import { formatFigure } from '../../domain/policies/explain'
import type { ConditionOutcome } from '../../domain/policies/match'
import { BENEFIT_TYPE_LABELS, type Policy } from '../../domain/policies/policy'

/** What 免申即享 means to the enterprise, said the same way everywhere. */
export const AUTO_GRANT_TEXT = '无需申请，符合条件自动兑现'

/** ✓ / ✗ / ? beside each condition: a sign, so it reads at a glance and to a screen reader. */
export const OUTCOME_MARKS: Record<ConditionOutcome, string> = { met: '✓', unmet: '✗', missing: '?' }

/** 「资金补贴 · 最高 50 万元」 */
export function benefitHeadline(benefit: Policy['benefit']): string {
  const parts = [BENEFIT_TYPE_LABELS[benefit.type]]
  if (benefit.amountWan !== undefined) parts.push(`最高 ${formatFigure(benefit.amountWan)} 万元`)
  if (benefit.rate !== undefined) parts.push(`${formatFigure(benefit.rate)}%`)
  return parts.join(' · ')
}

/** The application window as a countdown from `today` (China date). */
export function windowText(window: Policy['applicationWindow'], today: IsoDate): string {
  const { opensOn, closesOn } = window
  if (opensOn && daysBetween(today, opensOn) > 0) {
    return `${opensOn} 开始申报，还有 ${daysBetween(today, opensOn)} 天`
  }
  if (closesOn) {
    const left = daysBetween(today, closesOn)
    if (left < 0) return `申报已于 ${closesOn} 截止`
    return left === 0 ? `今天（${closesOn}）申报截止` : `申报截止 ${closesOn}，还剩 ${left} 天`
  }
  return '长期受理，随时可申报'
}

/**
 * The conditions a 差一点 enterprise still has to meet, named. An any-of group with one member met
 * needs nothing; one with none met is one fix, named as its alternatives — those it can act on (not
 * "注册地：许昌市" for an enterprise registered elsewhere).
 */
export function conditionsToFix(match: Pick<PolicyMatchView, 'conditions'>): string[] {
  const entries: { labels: string[]; met: boolean; anyKey?: string }[] = []
  const label = (condition: (typeof match.conditions)[number]) => (condition.unfixable ? [] : [condition.label])
  for (const condition of match.conditions) {
    const anyKey = condition.group?.mode === 'any' ? (condition.group.id ?? condition.group.label ?? 'any') : undefined
    const group = anyKey === undefined ? undefined : entries.find((entry) => entry.anyKey === anyKey)
    if (group) {
      group.labels.push(...label(condition))
      group.met ||= condition.outcome === 'met'
    } else {
      entries.push({ labels: label(condition), met: condition.outcome === 'met', anyKey })
    }
  }
  return entries.filter((entry) => !entry.met && entry.labels.length).map((entry) => entry.labels.join(' 或 '))
}

/** 「补齐 2 项即可申报：成立满 3 年、企业资质：高新技术企业」 */
export function nearText(match: Pick<PolicyMatchView, 'conditions' | 'fixesNeeded'>): string {
  const names = conditionsToFix(match)
  const count = match.fixesNeeded ?? names.length
  return names.length ? `补齐 ${count} 项即可申报：${names.join('、')}` : `补齐 ${count} 项即可申报`
}
