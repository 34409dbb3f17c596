/**
 * The numeric form both evaluators share: a condition prepared for one evaluation date, a profile
 * encoded once. The explaining matcher (match.ts) and the bulk matcher (compiled.ts) read the same
 * prepared numbers, so they cannot disagree about a bound, a date cut-off or a code range.
 */
import { addYears, dayNumberOrNaN, fromDayNumber, toDayNumber, type IsoDate } from '../calendar/dates'
import type { LeafCondition } from './conditions'
import { industryRange, normalizeIndustryCode } from './industryCodes'
import {
  QUALIFICATIONS,
  TAX_CREDIT_GRADES,
  effectiveQualifications,
  isKnownAmount,
  rdRatioPercent,
  type EnterpriseProfile,
} from './profile'
import { SIZE_CLASSES, sizeClassMask } from './sizeClass'
import { regionRange } from '../regions/regionCodes'

// Region containment is the one rule of src/domain/regions (the catalogue's region filter uses it too).
export { regionRange }

/** Outcome codes, cheapest to compare: met, unmet, missing (a needed fact is not known). */
export const MET = 0
export const UNMET = 1
export const MISSING = 2
export type LeafState = typeof MET | typeof UNMET | typeof MISSING

export type NumberFact = 'employees' | 'capital' | 'revenue' | 'rdRatio'

/** Ranges as flat [lo0, hi0, lo1, hi1, …], inclusive. */
export type PreparedLeaf =
  | { kind: 'industry'; include: number[] | null; exclude: number[] }
  | { kind: 'sizeClass'; allowedMask: number }
  /** Met when founded on or before `minCutoff` and after `maxCutoff` (day numbers). */
  | { kind: 'founded'; minCutoff: number; maxCutoff: number }
  | { kind: 'number'; fact: NumberFact; min: number; max: number }
  | { kind: 'region'; areas: number[] | null; zones: string[] | null }
  | { kind: 'qualification'; bits: number; all: boolean }
  | { kind: 'taxCreditGrade'; bits: number }
  | { kind: 'exporter' }
  /** Met when no violation, or the latest is before `cutoff` (a day number). */
  | { kind: 'noViolation'; cutoff: number }

/**
 * 差一点 must name a fix the owner can actually make (issue #12 item 12). A 不满足 is final — the
 * policy is 不符合 with that reason, never "补齐 1 项" — when no paperwork can change it:
 * - where the enterprise is registered (region or development zone), its industry and its founding
 *   age (too young for 成立满 N 年 is a new match later, not a fix now; too old never becomes young);
 * - its size class (大/中/小/微 follows from employees, revenue and assets under 工信部联企业
 *   〔2011〕300号: an enterprise does not shrink to qualify);
 * - a serious violation on record within the years a policy looks back (信用修复 does not erase it);
 * - a figure far from the bound: more than FAR_FACTOR times short of a minimum (a listing reward
 *   asking ten times the registered capital) or over a maximum (450 people against 不超过 200).
 * A missing certificate or registration (资质, 纳税信用等级 re-assessment, 出口备案) or a figure within
 * reach stays a fix. 待补充 (the fact is unknown) is always a fix: it may well be met.
 */
export const FAR_FACTOR = 2

/** Conditions whose 不满足 can be final (see FAR_FACTOR): the bulk matcher keeps their blocked bits. */
export function isUnfixable(leaf: PreparedLeaf): boolean {
  return leaf.kind !== 'qualification' && leaf.kind !== 'taxCreditGrade' && leaf.kind !== 'exporter'
}

/** The figures from which a number condition counts as within reach (FAR_FACTOR either way). */
export function reachable(leaf: Extract<PreparedLeaf, { kind: 'number' }>): { min: number; max: number } {
  return { min: leaf.min / FAR_FACTOR, max: leaf.max * FAR_FACTOR }
}

/** A 不满足 no fix can change (see FAR_FACTOR); false for met or 待补充 conditions. */
export function isFinalMiss(leaf: PreparedLeaf, state: LeafState, facts: EncodedFacts): boolean {
  if (state !== UNMET || !isUnfixable(leaf)) return false
  if (leaf.kind !== 'number') return true
  const value = facts[leaf.fact]
  const { min, max } = reachable(leaf)
  return !(value >= min && value <= max)
}

/** What meeting the leaf would take: 0 met, 1 a fix (unmet or missing), Infinity never (a final miss). */
export function leafCost(leaf: PreparedLeaf, state: LeafState, facts: EncodedFacts): number {
  return state === MET ? 0 : isFinalMiss(leaf, state, facts) ? Infinity : 1
}

const bitsOf = <T>(values: readonly T[], vocabulary: readonly T[]) =>
  values.reduce((bits, value) => bits | (1 << vocabulary.indexOf(value)), 0)

/**
 * The last founding day on which an enterprise is at least `years` old on `today`. Founding ages
 * count like 民法典 第二百零二条 periods via addYears: the anniversary of 02-29 in a common year
 * is 02-28. addYears is monotone, so "old enough" is exactly "founded on or before this day".
 */
export function foundingCutoff(today: IsoDate, years: number): number {
  const todayDay = toDayNumber(today)
  let day = toDayNumber(addYears(today, -years)) + 3
  while (toDayNumber(addYears(fromDayNumber(day), years)) > todayDay) day--
  return day
}

export function prepareLeaf(leaf: LeafCondition, today: IsoDate): PreparedLeaf {
  const ranges = (codes: readonly string[]) =>
    codes.flatMap((code) => {
      const normalized = normalizeIndustryCode(code)
      return normalized === null ? [] : industryRange(normalized)
    })
  const bounds = (min: number | undefined, max: number | undefined) => ({ min: min ?? -Infinity, max: max ?? Infinity })
  switch (leaf.kind) {
    case 'industry':
      return {
        kind: 'industry',
        include: leaf.include.length ? ranges(leaf.include) : null,
        exclude: ranges(leaf.exclude ?? []),
      }
    case 'sizeClass':
      return { kind: 'sizeClass', allowedMask: bitsOf(leaf.allowed, SIZE_CLASSES) }
    case 'foundedYears':
      return {
        kind: 'founded',
        minCutoff: leaf.minYears === undefined ? Infinity : foundingCutoff(today, leaf.minYears),
        maxCutoff: leaf.maxYears === undefined ? -Infinity : foundingCutoff(today, leaf.maxYears),
      }
    case 'registeredCapital':
      return { kind: 'number', fact: 'capital', ...bounds(leaf.minWan, leaf.maxWan) }
    case 'employees':
      return { kind: 'number', fact: 'employees', ...bounds(leaf.min, leaf.max) }
    case 'revenue':
      return { kind: 'number', fact: 'revenue', ...bounds(leaf.minWan, leaf.maxWan) }
    case 'rdRatio':
      return { kind: 'number', fact: 'rdRatio', min: leaf.minPercent, max: Infinity }
    case 'region':
      return {
        kind: 'region',
        areas: leaf.areas?.length ? leaf.areas.flatMap((area) => regionRange(area.code) ?? []) : null,
        zones: leaf.zones?.length ? leaf.zones.map((zone) => zone.trim()) : null,
      }
    case 'qualification':
      return { kind: 'qualification', bits: bitsOf(leaf.required, QUALIFICATIONS), all: leaf.mode === 'all' }
    case 'taxCreditGrade':
      return { kind: 'taxCreditGrade', bits: bitsOf(leaf.allowed, TAX_CREDIT_GRADES) }
    case 'exporter':
      return { kind: 'exporter' }
    case 'noSeriousViolation':
      return { kind: 'noViolation', cutoff: toDayNumber(addYears(today, -leaf.years)) }
  }
}

/** A profile as numbers; NaN or −1 where unknown (see each field). */
export interface EncodedFacts {
  /** Class-key range of the industry code; −1 when unknown or invalid. */
  industryLo: number
  industryHi: number
  /** Size classes still possible (bit per class, see sizeClass.ts). */
  sizeMask: number
  foundedDay: number
  employees: number
  capital: number
  revenue: number
  rdRatio: number
  /** Region-code range; −1 when unknown or invalid. */
  regionLo: number
  regionHi: number
  /** Trimmed zone name; null = in none; undefined = unknown. */
  zone: string | null | undefined
  /** Qualification bits (小巨人 implies 专精特新); −1 unknown. */
  quals: number
  /** 1 << grade index; 0 unknown. */
  gradeBit: number
  /** 1 yes, 0 no, −1 unknown. */
  exporter: number
  /** Day number of the latest serious violation; −Infinity none; NaN unknown. */
  violationDay: number
}

const amount = (value: unknown) => (isKnownAmount(value) ? value : NaN)

export function encodeFacts(profile: EnterpriseProfile): EncodedFacts {
  const industry = normalizeIndustryCode(profile.industryCode)
  const [industryLo, industryHi] = industry === null ? [-1, -1] : industryRange(industry)
  const region = typeof profile.regionCode === 'string' ? regionRange(profile.regionCode) : null
  const zone = profile.developmentZone
  const grade = TAX_CREDIT_GRADES.indexOf(profile.taxCreditGrade as never)
  const violation = profile.lastSeriousViolationOn
  return {
    industryLo,
    industryHi,
    sizeMask: sizeClassMask({ ...profile, industryCode: industry ?? undefined }),
    foundedDay: typeof profile.foundedOn === 'string' ? dayNumberOrNaN(profile.foundedOn) : NaN,
    employees: amount(profile.employees),
    capital: amount(profile.registeredCapitalWan),
    revenue: amount(profile.revenueWan),
    rdRatio: rdRatioPercent(profile.rdSpendWan, profile.revenueWan),
    regionLo: region ? region[0] : -1,
    regionHi: region ? region[1] : -1,
    zone: zone === null ? null : typeof zone === 'string' && zone.trim() !== '' ? zone.trim() : undefined,
    quals: Array.isArray(profile.qualifications)
      ? bitsOf(
          effectiveQualifications(profile.qualifications).filter((q) => QUALIFICATIONS.includes(q)),
          QUALIFICATIONS,
        )
      : -1,
    gradeBit: grade < 0 ? 0 : 1 << grade,
    exporter: typeof profile.exporter === 'boolean' ? Number(profile.exporter) : -1,
    violationDay: violation === null ? -Infinity : typeof violation === 'string' ? dayNumberOrNaN(violation) : NaN,
  }
}

/** How [lo, hi] relates to flat ranges: 2 inside one of them, 1 overlapping one, 0 clear of all. */
export function rangeRelation(ranges: readonly number[], lo: number, hi: number): 0 | 1 | 2 {
  let relation: 0 | 1 | 2 = 0
  for (let r = 0; r < ranges.length; r += 2) {
    if (ranges[r] <= lo && hi <= ranges[r + 1]) return 2
    if (ranges[r] <= hi && lo <= ranges[r + 1]) relation = 1
  }
  return relation
}

function industryState(leaf: Extract<PreparedLeaf, { kind: 'industry' }>, f: EncodedFacts): LeafState {
  if (f.industryLo < 0) return MISSING
  const included = leaf.include === null ? 2 : rangeRelation(leaf.include, f.industryLo, f.industryHi)
  const excluded = rangeRelation(leaf.exclude, f.industryLo, f.industryHi)
  if (included === 0 || excluded === 2) return UNMET
  // A coarse code ('C') straddling an included or excluded branch needs a finer code to decide.
  return included === 2 && excluded === 0 ? MET : MISSING
}

function regionState(leaf: Extract<PreparedLeaf, { kind: 'region' }>, f: EncodedFacts): LeafState {
  const area = leaf.areas === null ? 0 : f.regionLo < 0 ? 1 : rangeRelation(leaf.areas, f.regionLo, f.regionHi)
  const zone =
    leaf.zones === null || f.zone === null ? 0 : f.zone === undefined ? 1 : leaf.zones.includes(f.zone) ? 2 : 0
  if (area === 2 || zone === 2) return MET
  return area === 0 && zone === 0 ? UNMET : MISSING
}

/** The scalar evaluation of one prepared leaf; the bulk kernels must agree with it. */
export function leafState(leaf: PreparedLeaf, f: EncodedFacts): LeafState {
  switch (leaf.kind) {
    case 'industry':
      return industryState(leaf, f)
    case 'sizeClass':
      if ((f.sizeMask & ~leaf.allowedMask) === 0) return MET
      return (f.sizeMask & leaf.allowedMask) === 0 ? UNMET : MISSING
    case 'founded':
      if (Number.isNaN(f.foundedDay)) return MISSING
      return f.foundedDay <= leaf.minCutoff && f.foundedDay > leaf.maxCutoff ? MET : UNMET
    case 'number': {
      const value = f[leaf.fact]
      if (Number.isNaN(value)) return MISSING
      return value >= leaf.min && value <= leaf.max ? MET : UNMET
    }
    case 'region':
      return regionState(leaf, f)
    case 'qualification':
      if (f.quals < 0) return MISSING
      return (leaf.all ? (f.quals & leaf.bits) === leaf.bits : (f.quals & leaf.bits) !== 0) ? MET : UNMET
    case 'taxCreditGrade':
      if (f.gradeBit === 0) return MISSING
      return f.gradeBit & leaf.bits ? MET : UNMET
    case 'exporter':
      return f.exporter < 0 ? MISSING : f.exporter === 1 ? MET : UNMET
    case 'noViolation':
      if (Number.isNaN(f.violationDay)) return MISSING
      return f.violationDay < leaf.cutoff ? MET : UNMET
  }
}
