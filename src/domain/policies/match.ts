/**
 * One enterprise against one policy, explained condition by condition — the detail view and the
 * 政策计算器. Bulk matching (push to every enterprise) is compiled.ts, which must agree with this.
 *
 * Verdict. Each leaf condition that is not met costs 1 to fix (补充 a missing fact, or change an
 * unmet one: obtain a qualification, hire, raise the R&D ratio…) — except a condition on a fact the
 * enterprise cannot change by applying (region or development zone, industry, founding age; see
 * isUnfixable in prepare.ts): 不满足 there costs Infinity, never fixable, so "补齐 1 项：所在区域"
 * is never said to an enterprise in another district. (待补充 on such a fact still costs 1.) An
 * all-of group costs the sum of its members; an any-of group the cost of its cheapest member — so
 * an any-of group of leaves counts as ONE condition to fix, one with every member unfixably unmet
 * can never be fixed, and an any-of over all-of branches costs the cheapest branch. The policy is
 * 可申报 at cost 0, 差一点 at cost 1–2 ("补齐 1 项即可申报"), and 不符合 otherwise (an empty
 * any-of group can never be fixed either).
 */
import { toDayNumber, type IsoDate } from '../calendar/dates'
import {
  groupParts,
  isLeaf,
  type Condition,
  type ConditionGroup,
  type LeafCondition,
  type NestedGroup,
} from './conditions'
import { conditionLabel, factText, missingFieldsOf, type PlaceNamer } from './explain'
import type { Policy } from './policy'
import { MISSING, encodeFacts, leafCost, leafState, prepareLeaf, type EncodedFacts } from './prepare'
import { inCalculatorOrder, type EnterpriseProfile, type ProfileField } from './profile'
import { enterpriseSizeClass, type SizeClassResult } from './sizeClass'

export type Verdict = 'eligible' | 'near' | 'ineligible'

export const VERDICT_LABELS: Record<Verdict, string> = {
  eligible: '可申报',
  near: '差一点',
  ineligible: '不符合',
}

export type ConditionOutcome = 'met' | 'unmet' | 'missing'

export const OUTCOME_LABELS: Record<ConditionOutcome, string> = {
  met: '已满足',
  unmet: '不满足',
  missing: '待补充',
}

/** At most this many conditions to fix for 差一点. */
export const NEAR_MAX_FIXES = 2

export function verdictOfCost(cost: number): Verdict {
  return cost === 0 ? 'eligible' : cost <= NEAR_MAX_FIXES ? 'near' : 'ineligible'
}

export interface ConditionResult {
  id: string
  label: string
  outcome: ConditionOutcome
  fact: string
  /** The nested group the condition sits in, when not directly in the policy's root group. */
  group?: { id?: string; label?: string; mode: 'all' | 'any' }
  /** 不满足 on a fact the enterprise cannot change by applying (see isUnfixable): never a fix to name. */
  unfixable?: true
  /**
   * Only when the root group is any-of ("满足其一即可"): which of its members (0-based) the condition
   * belongs to — a leaf alone, or every leaf of a nested group. One member met is enough.
   */
  branch?: number
}

export interface PolicyMatch {
  verdict: Verdict
  /** Leaf conditions in the order written. */
  conditions: ConditionResult[]
  /** Whether the root group needs all its members ('all') or one ('any'). */
  rootMode: 'all' | 'any'
  unmetCount: number
  missingCount: number
  /** Facts the enterprise has not given that some condition needs, in calculator order. */
  missingFacts: ProfileField[]
  /** Conditions to fix to become eligible (see the verdict rule); null when it cannot be. */
  fixesNeeded: number | null
}

const OUTCOMES: ConditionOutcome[] = ['met', 'unmet', 'missing']

interface Evaluation {
  today: IsoDate
  profile: EnterpriseProfile
  facts: EncodedFacts
  size: SizeClassResult
  results: ConditionResult[]
  missingFacts: ProfileField[]
  placeName?: PlaceNamer
}

function evaluateLeaf(leaf: LeafCondition, e: Evaluation, group: ConditionResult['group'], branch?: number): number {
  const prepared = prepareLeaf(leaf, e.today)
  const state = leafState(prepared, e.facts)
  const cost = leafCost(prepared, state, e.facts)
  const missing = state === MISSING ? missingFieldsOf(prepared, e.profile, e.facts, e.size) : []
  e.missingFacts.push(...missing)
  e.results.push({
    id: leaf.id,
    label: conditionLabel(leaf),
    outcome: OUTCOMES[state],
    fact: factText(leaf, state, e.profile, e.size, missing, e.placeName),
    ...(group ? { group } : {}),
    ...(cost === Infinity ? { unfixable: true as const } : {}),
    ...(branch === undefined ? {} : { branch }),
  })
  return cost
}

function costOf(condition: ConditionGroup | NestedGroup, e: Evaluation, depth: number, branch?: number): number {
  const { mode, members } = groupParts<Condition>(condition)
  const group = depth === 0 ? undefined : { id: condition.id, label: condition.label, mode }
  // The root any-of's members are numbered so the explanation can tell its alternatives apart.
  const branchOf = (index: number) => (depth === 0 && mode === 'any' ? index : branch)
  // Every member is evaluated (no short cut) so the explanation lists every condition.
  const costs = members.map((m, index) =>
    isLeaf(m) ? evaluateLeaf(m, e, group, branchOf(index)) : costOf(m, e, depth + 1, branchOf(index)),
  )
  if (mode === 'all') return costs.reduce((sum, cost) => sum + cost, 0)
  return costs.length ? Math.min(...costs) : Infinity
}

/**
 * Is `profile` eligible for `policy` on `today`, and why (or why not) condition by condition.
 * `placeName` names region codes in the explanation (the server passes the region table's names).
 */
export function matchPolicy(
  profile: EnterpriseProfile,
  policy: Policy,
  today: IsoDate,
  placeName?: PlaceNamer,
): PolicyMatch {
  const facts = encodeFacts(profile)
  const e: Evaluation = {
    today,
    profile,
    facts,
    size: enterpriseSizeClass(profile),
    results: [],
    missingFacts: [],
    placeName,
  }
  const cost = costOf(policy.eligibility, e, 0)
  const count = (outcome: ConditionOutcome) => e.results.filter((r) => r.outcome === outcome).length
  return {
    verdict: verdictOfCost(cost),
    conditions: e.results,
    rootMode: groupParts(policy.eligibility).mode,
    unmetCount: count('unmet'),
    missingCount: count('missing'),
    missingFacts: inCalculatorOrder(e.missingFacts),
    fixesNeeded: Number.isFinite(cost) ? cost : null,
  }
}

/** Whether applications are accepted on `today` (both window ends inclusive, either may be open). */
export function isOpen(policy: Policy, today: IsoDate): boolean {
  const { opensOn, closesOn } = policy.applicationWindow
  const day = toDayNumber(today)
  return (
    (opensOn === undefined || toDayNumber(opensOn) <= day) && (closesOn === undefined || day <= toDayNumber(closesOn))
  )
}

/** 免申即享 (granted without applying) or 需申报. */
export function autoGrantLabel(policy: Pick<Policy, 'autoGrant'>): string {
  return policy.autoGrant ? '免申即享' : '需申报'
}
