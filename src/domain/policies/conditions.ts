/**
 * Eligibility conditions of a policy. Each leaf has a stable `id` (unique within its policy) so a
 * match can explain itself condition by condition and the app can key its rows on it; `label`
 * overrides the generated Chinese wording when a policy's text says it better.
 *
 * Bounds: `min` is "不低于/不少于" (inclusive) and `max` is "不超过" (inclusive), except founding age,
 * whose `maxYears` is "未满 N 年" so that "满 1 年未满 5 年" bands meet without overlapping.
 */
import type { SizeClass } from './sizeClass'
import type { Qualification, TaxCreditGrade } from './profile'

interface LeafBase {
  id: string
  label?: string
}

export interface IndustryCondition extends LeafBase {
  kind: 'industry'
  /** GB/T 4754-2017 codes matched as prefixes ('C' = all 制造业); empty = every industry. */
  include: string[]
  /** Prefixes carved out of `include` (e.g. C16 烟草制品业). */
  exclude?: string[]
}

export interface SizeClassCondition extends LeafBase {
  kind: 'sizeClass'
  allowed: SizeClass[]
}

export interface FoundedYearsCondition extends LeafBase {
  kind: 'foundedYears'
  /** 成立满 N 年: on or after the Nth anniversary of founding. */
  minYears?: number
  /** 成立未满 N 年: before the Nth anniversary. */
  maxYears?: number
}

export interface RegisteredCapitalCondition extends LeafBase {
  kind: 'registeredCapital'
  minWan?: number
  maxWan?: number
}

export interface RegionArea {
  /** 6-digit 行政区划代码; trailing '00' pairs widen it ('411000' = all of 许昌市). */
  code: string
  name: string
}

export interface RegionCondition extends LeafBase {
  kind: 'region'
  /** Registered in any of these areas… */
  areas?: RegionArea[]
  /** …or located in any of these development zones (exact names). */
  zones?: string[]
}

export interface QualificationCondition extends LeafBase {
  kind: 'qualification'
  required: Qualification[]
  /** 'any': holds at least one; 'all': holds every one. */
  mode: 'any' | 'all'
}

export interface TaxCreditGradeCondition extends LeafBase {
  kind: 'taxCreditGrade'
  allowed: TaxCreditGrade[]
}

export interface EmployeesCondition extends LeafBase {
  kind: 'employees'
  min?: number
  max?: number
}

export interface RevenueCondition extends LeafBase {
  kind: 'revenue'
  minWan?: number
  maxWan?: number
}

export interface RdRatioCondition extends LeafBase {
  kind: 'rdRatio'
  /** 研发费用占营业收入比例不低于 this many percent. */
  minPercent: number
}

export interface ExporterCondition extends LeafBase {
  kind: 'exporter'
}

export interface NoSeriousViolationCondition extends LeafBase {
  kind: 'noSeriousViolation'
  /** No serious violation dated within this many years before the evaluation date. */
  years: number
}

export type LeafCondition =
  | IndustryCondition
  | SizeClassCondition
  | FoundedYearsCondition
  | RegisteredCapitalCondition
  | RegionCondition
  | QualificationCondition
  | TaxCreditGradeCondition
  | EmployeesCondition
  | RevenueCondition
  | RdRatioCondition
  | ExporterCondition
  | NoSeriousViolationCondition

export type ConditionKind = LeafCondition['kind']

export const CONDITION_KINDS: readonly ConditionKind[] = [
  'industry',
  'sizeClass',
  'foundedYears',
  'registeredCapital',
  'region',
  'qualification',
  'taxCreditGrade',
  'employees',
  'revenue',
  'rdRatio',
  'exporter',
  'noSeriousViolation',
]

interface GroupBase {
  id?: string
  label?: string
}

/** A group inside the root group: its members are leaves (groups nest one level only). */
export type NestedGroup = GroupBase & ({ all: LeafCondition[] } | { any: LeafCondition[] })

export type Condition = LeafCondition | NestedGroup

/** A policy's eligibility: every condition ('all') or at least one ('any'). */
export type ConditionGroup = GroupBase & ({ all: Condition[] } | { any: Condition[] })

export function isLeaf(condition: Condition): condition is LeafCondition {
  return 'kind' in condition
}

/** A group's mode and members, whichever key it uses. */
export function groupParts<C>(group: { all: C[] } | { any: C[] }): { mode: 'all' | 'any'; members: C[] } {
  return 'all' in group ? { mode: 'all', members: group.all } : { mode: 'any', members: group.any }
}

/** Every leaf of an eligibility, depth first, in the order written. */
export function leavesOf(group: ConditionGroup): LeafCondition[] {
  return groupParts(group).members.flatMap((c) => (isLeaf(c) ? [c] : groupParts(c).members))
}
