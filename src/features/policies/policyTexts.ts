import type { PolicyMatchView } from '../../contract/policies/schemas'
import { daysBetween, type IsoDate } from '../../domain/calendar/dates'
import { formatFigure } from '../../domain/policies/explain'
import type { ConditionOutcome } from '../../domain/policies/match'
import { BENEFIT_TYPE_LABELS, type Policy } from '../../domain/policies/policy'
import type { StatusTone } from '../../domain/policies/policyStatus'

export { AUTO_GRANT_TEXT } from './autoGrantText'

/** The chip a status label sits in: green to apply now, amber one fix away, plain otherwise. */
export const STATUS_CHIP_CLASS: Record<StatusTone, string> = {
  go: 'chip chip--selected',
  near: 'chip chip--renewal-due',
  wait: 'chip',
  no: 'chip',
}

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

type ConditionView = PolicyMatchView['conditions'][number]

/**
 * What meeting `conditions` (all of them) takes, named: an any-of group with one member met needs
 * nothing; one with none met is one fix, named as its alternatives — those the enterprise can act
 * on (not "注册地：许昌市" for one registered elsewhere). `cost` is Infinity when a condition the
 * enterprise cannot change is unmet.
 */
function fixesOf(conditions: ConditionView[]): { names: string[]; cost: number } {
  const entries: { labels: string[]; met: boolean; blocked: boolean; anyKey?: string }[] = []
  for (const condition of conditions) {
    const anyKey = condition.group?.mode === 'any' ? (condition.group.id ?? condition.group.label ?? 'any') : undefined
    const labels = condition.unfixable ? [] : [condition.label]
    const group = anyKey === undefined ? undefined : entries.find((entry) => entry.anyKey === anyKey)
    if (group) {
      group.labels.push(...labels)
      group.met ||= condition.outcome === 'met'
    } else {
      entries.push({ labels, met: condition.outcome === 'met', blocked: !!condition.unfixable, anyKey })
    }
  }
  const open = entries.filter((entry) => !entry.met)
  const blocked = open.some((entry) => (entry.anyKey === undefined ? entry.blocked : entry.labels.length === 0))
  return {
    names: open.flatMap((entry) => (entry.labels.length ? [entry.labels.join(' 或 ')] : [])),
    cost: blocked ? Infinity : open.length,
  }
}

/** Whether the policy needs only one of its top-level conditions or groups (满足其一即可). */
export const isAnyOf = (match: Pick<PolicyMatchView, 'conditions'>) =>
  match.conditions.some((c) => c.branch !== undefined)

/**
 * The conditions a 差一点 enterprise still has to meet, named. For a policy that needs one of
 * several alternatives (isAnyOf), those of the cheapest one; alternatives one fix away each are
 * named together ("A 或 B").
 */
export function conditionsToFix(match: Pick<PolicyMatchView, 'conditions'>): string[] {
  if (!isAnyOf(match)) return fixesOf(match.conditions).names
  const branches = new Map<number, ConditionView[]>()
  for (const condition of match.conditions) {
    const branch = condition.branch ?? -1
    branches.set(branch, [...(branches.get(branch) ?? []), condition])
  }
  const options = [...branches.values()]
    .map(fixesOf)
    .filter((option) => Number.isFinite(option.cost) && option.cost > 0)
  if (options.length === 0) return []
  const least = Math.min(...options.map((option) => option.cost))
  const cheapest = options.filter((option) => option.cost === least)
  return least === 1 ? [cheapest.map((option) => option.names[0]).join(' 或 ')] : cheapest[0].names
}

/** 「补齐 2 项即可申报：成立满 3 年、企业资质：高新技术企业」; 「满足其一即可申报，最快补齐 1 项：…」 */
export function nearText(match: Pick<PolicyMatchView, 'conditions' | 'fixesNeeded'>): string {
  const names = conditionsToFix(match)
  const count = match.fixesNeeded ?? names.length
  if (isAnyOf(match)) {
    return names.length
      ? `满足其一即可申报，最快补齐 ${count} 项：${names.join('、')}`
      : `满足其一即可申报，最快补齐 ${count} 项`
  }
  return names.length ? `补齐 ${count} 项即可申报：${names.join('、')}` : `补齐 ${count} 项即可申报`
}
