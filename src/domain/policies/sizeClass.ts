/**
 * Enterprise size class 大/中/小/微 under 工信部联企业〔2011〕300号《中小企业划型标准规定》第四条,
 * with industries taken from GB/T 4754-2017 as 国家统计局《统计上大中小微型企业划分办法（2017）》
 * maps them (工业 = B, C, D; 仓储业 = G59; 邮政业 = G60; 房地产开发经营 = K701; 物业管理 = K702).
 *
 * Every industry's text has the same shape: "X 以下或 Y 以下的为中小微型企业" — so 大型 needs every
 * listed indicator at or above its upper bound; "其中，…及以上，且…及以上的为中型/小型企业" — every
 * indicator at or above that class's lower bounds; "…以下或…以下的为微型企业" — any one below the
 * 小型 bound. That is a cascade: the largest class whose bounds are all met (the 2017 统计办法's
 * "须同时满足所列指标的下限，否则下划一档；微型企业只须满足所列指标中的一项即可").
 */
import { divisionOf, divisionsOf, normalizeIndustryCode } from './industryCodes'
import { isKnownAmount as known, type EnterpriseProfile } from './profile'

export type SizeClass = 'large' | 'medium' | 'small' | 'micro'
export type SizeClassOrUnknown = SizeClass | 'unknown'

export const SIZE_CLASS_LABELS: Record<SizeClassOrUnknown, string> = {
  large: '大型企业',
  medium: '中型企业',
  small: '小型企业',
  micro: '微型企业',
  unknown: '待确定',
}

/** Smallest first: index = rank in the cascade, bit = 1 << rank. */
export const SIZE_CLASSES: readonly SizeClass[] = ['micro', 'small', 'medium', 'large']

type Indicator = 'employees' | 'revenueWan' | 'assetsWan'

/** The facts 划型 reads, named as in the enterprise profile; revenue and assets in 万元. */
export type SizeFacts = Pick<EnterpriseProfile, 'industryCode' | 'employees' | 'revenueWan' | 'assetsWan'>

export type SizeFact = keyof SizeFacts

interface SizeStandard {
  name: string
  indicators: readonly Indicator[]
  /** Lower bounds per indicator (same order) of 大型, 中型 and 小型. */
  large: readonly number[]
  medium: readonly number[]
  small: readonly number[]
}

const EMP_REV: readonly Indicator[] = ['employees', 'revenueWan']

/** 第四条 (一)–(十六), bounds in 人 and 万元 exactly as the text gives them. */
const STANDARDS = {
  agriculture: { name: '农、林、牧、渔业', indicators: ['revenueWan'], large: [20000], medium: [500], small: [50] },
  industry: { name: '工业', indicators: EMP_REV, large: [1000, 40000], medium: [300, 2000], small: [20, 300] },
  construction: {
    name: '建筑业',
    indicators: ['revenueWan', 'assetsWan'],
    large: [80000, 80000],
    medium: [6000, 5000],
    small: [300, 300],
  },
  wholesale: { name: '批发业', indicators: EMP_REV, large: [200, 40000], medium: [20, 5000], small: [5, 1000] },
  retail: { name: '零售业', indicators: EMP_REV, large: [300, 20000], medium: [50, 500], small: [10, 100] },
  transport: { name: '交通运输业', indicators: EMP_REV, large: [1000, 30000], medium: [300, 3000], small: [20, 200] },
  warehousing: { name: '仓储业', indicators: EMP_REV, large: [200, 30000], medium: [100, 1000], small: [20, 100] },
  postal: { name: '邮政业', indicators: EMP_REV, large: [1000, 30000], medium: [300, 2000], small: [20, 100] },
  accommodation: { name: '住宿业', indicators: EMP_REV, large: [300, 10000], medium: [100, 2000], small: [10, 100] },
  catering: { name: '餐饮业', indicators: EMP_REV, large: [300, 10000], medium: [100, 2000], small: [10, 100] },
  telecom: { name: '信息传输业', indicators: EMP_REV, large: [2000, 100000], medium: [100, 1000], small: [10, 100] },
  software: {
    name: '软件和信息技术服务业',
    indicators: EMP_REV,
    large: [300, 10000],
    medium: [100, 1000],
    small: [10, 50],
  },
  realEstate: {
    name: '房地产开发经营',
    indicators: ['revenueWan', 'assetsWan'],
    large: [200000, 10000],
    medium: [1000, 5000],
    small: [100, 2000],
  },
  propertyManagement: {
    name: '物业管理',
    indicators: EMP_REV,
    large: [1000, 5000],
    medium: [300, 1000],
    small: [100, 500],
  },
  leasingBusiness: {
    name: '租赁和商务服务业',
    indicators: ['employees', 'assetsWan'],
    large: [300, 120000],
    medium: [100, 8000],
    small: [10, 100],
  },
  other: { name: '其他未列明行业', indicators: ['employees'], large: [300], medium: [100], small: [10] },
} satisfies Record<string, SizeStandard>

export type SizeGroup = keyof typeof STANDARDS

/** The standard of one division; K70 splits by group, so its group digit (if any) decides. */
function groupsOfDivision(division: number, groupDigit: string | undefined): SizeGroup[] {
  if (division <= 5) return ['agriculture']
  if (division <= 46) return ['industry']
  if (division <= 50) return ['construction']
  if (division === 51) return ['wholesale']
  if (division === 52) return ['retail']
  if (division <= 58) return ['transport']
  if (division === 59) return ['warehousing']
  if (division === 60) return ['postal']
  if (division === 61) return ['accommodation']
  if (division === 62) return ['catering']
  if (division <= 64) return ['telecom']
  if (division === 65) return ['software']
  if (division === 70) {
    if (groupDigit === '1') return ['realEstate']
    if (groupDigit === '2') return ['propertyManagement']
    // 7030 中介, 7040 租赁经营, 7090 其他 are not listed in 第四条: 其他未列明行业.
    return groupDigit === undefined ? ['realEstate', 'propertyManagement', 'other'] : ['other']
  }
  if (division === 71 || division === 72) return ['leasingBusiness']
  return ['other']
}

/** The standards a code may fall under: one, or several when the code is too coarse to tell. */
export function sizeGroupsOf(industryCode: string): SizeGroup[] {
  const normalized = normalizeIndustryCode(industryCode)
  if (normalized === null) return []
  const groupDigit = divisionOf(normalized) === null ? undefined : normalized[3]
  const groups = new Set<SizeGroup>()
  for (const division of divisionsOf(normalized)) for (const g of groupsOfDivision(division, groupDigit)) groups.add(g)
  return [...groups]
}

/** Cascade rank 0 (micro) … 3 (large); a missing indicator is taken as `missingAs`. */
function rankOf(standard: SizeStandard, facts: SizeFacts, missingAs: number): number {
  const values = standard.indicators.map((indicator) => {
    const value = facts[indicator]
    return known(value) ? value : missingAs
  })
  const meets = (bounds: readonly number[]) => bounds.every((bound, i) => values[i] >= bound)
  if (meets(standard.large)) return 3
  if (meets(standard.medium)) return 2
  return meets(standard.small) ? 1 : 0
}

/** Bit per class (1 << rank) of every class an enterprise may be in, given what is known. */
function possibleMaskOf(groups: readonly SizeGroup[], facts: SizeFacts): number {
  let mask = 0
  // The cascade is monotone in every indicator, so the extremes of a missing one bound the result.
  for (const group of groups) {
    const lowest = rankOf(STANDARDS[group], facts, -Infinity)
    const highest = rankOf(STANDARDS[group], facts, Infinity)
    for (let rank = lowest; rank <= highest; rank++) mask |= 1 << rank
  }
  return mask
}

/** All four classes: what an unknown or invalid industry leaves open. */
export const ALL_SIZE_CLASSES_MASK = 0b1111

/** Possible classes as bits (micro 1, small 2, medium 4, large 8): the bulk matcher's form. */
export function sizeClassMask(facts: SizeFacts): number {
  const groups = facts.industryCode === undefined ? [] : sizeGroupsOf(facts.industryCode)
  return groups.length === 0 ? ALL_SIZE_CLASSES_MASK : possibleMaskOf(groups, facts)
}

export interface SizeClassResult {
  sizeClass: SizeClassOrUnknown
  /** Facts still needed to decide, as profile field names. */
  missing: SizeFact[]
  /** Why, in Chinese, citing the standard applied. */
  basis: string
  /** Classes still possible with what is known (one when decided). */
  possible: SizeClass[]
}

const SOURCE = '《中小企业划型标准规定》（工信部联企业〔2011〕300号）'
const INDICATOR_TEXT: Record<Indicator, [name: string, unit: string]> = {
  employees: ['从业人员', '人'],
  revenueWan: ['营业收入', '万元'],
  assetsWan: ['资产总额', '万元'],
}

function boundsText(standard: SizeStandard, bounds: readonly number[]): string {
  return standard.indicators
    .map((indicator, i) => `${INDICATOR_TEXT[indicator][0]} ${bounds[i]} ${INDICATOR_TEXT[indicator][1]}及以上`)
    .join('，且')
}

function valuesText(standard: SizeStandard, facts: SizeFacts): string {
  return standard.indicators
    .filter((indicator) => known(facts[indicator]))
    .map((indicator) => `${INDICATOR_TEXT[indicator][0]} ${facts[indicator]} ${INDICATOR_TEXT[indicator][1]}`)
    .join('，')
}

function decidedBasis(standard: SizeStandard, facts: SizeFacts, rank: number): string {
  const values = valuesText(standard, facts)
  const head = `依据${SOURCE}${standard.name}标准：${values || '（无需其他指标）'}`
  const label = SIZE_CLASS_LABELS[SIZE_CLASSES[rank]]
  const unneeded = standard.indicators.filter((indicator) => !known(facts[indicator]))
  const regardless = unneeded.length
    ? `，无论${unneeded.map((indicator) => INDICATOR_TEXT[indicator][0]).join('、')}多少`
    : ''
  if (rank === 0)
    return `${head}；未达到小型企业标准（${boundsText(standard, standard.small)}）${regardless}，为微型企业。`
  const bounds = [standard.small, standard.medium, standard.large][rank - 1]
  return `${head}；达到${label}标准（${boundsText(standard, bounds)}）${regardless}，为${label}。`
}

/** 大/中/小/微 from the industry code and the indicators its standard uses. */
export function enterpriseSizeClass(facts: SizeFacts): SizeClassResult {
  if (facts.industryCode === undefined || facts.industryCode === '') {
    return {
      sizeClass: 'unknown',
      missing: ['industryCode'],
      basis: '需先填写所属行业，才能确定适用的划型标准。',
      possible: [...SIZE_CLASSES],
    }
  }
  const groups = sizeGroupsOf(facts.industryCode)
  if (groups.length === 0) {
    return {
      sizeClass: 'unknown',
      missing: ['industryCode'],
      basis: `行业代码「${facts.industryCode}」不是有效的国民经济行业分类代码，无法确定划型标准。`,
      possible: [...SIZE_CLASSES],
    }
  }
  const mask = possibleMaskOf(groups, facts)
  const possible = SIZE_CLASSES.filter((_, rank) => mask & (1 << rank))
  if (possible.length === 1) {
    const rank = SIZE_CLASSES.indexOf(possible[0])
    const basis =
      groups.length === 1
        ? decidedBasis(STANDARDS[groups[0]], facts, rank)
        : `依据${SOURCE}${groups.map((group) => STANDARDS[group].name).join('、')}标准，按已填信息均为${SIZE_CLASS_LABELS[possible[0]]}。`
    return { sizeClass: possible[0], missing: [], basis, possible }
  }
  const needed = new Set<Indicator>(groups.flatMap((group) => STANDARDS[group].indicators))
  const missing: SizeFact[] = (['employees', 'revenueWan', 'assetsWan'] as const).filter(
    (indicator) => needed.has(indicator) && !known(facts[indicator]),
  )
  const names = groups.map((group) => STANDARDS[group].name).join('或')
  if (missing.length === 0) missing.push('industryCode')
  const wanted =
    missing[0] === 'industryCode'
      ? '请填写更具体的行业代码（如 K7010）'
      : `待补充：${missing.map((fact) => INDICATOR_TEXT[fact as Indicator][0]).join('、')}`
  return {
    sizeClass: 'unknown',
    missing,
    basis: `依据${SOURCE}${names}标准，按已填信息可能为${[...possible]
      .reverse()
      .map((c) => SIZE_CLASS_LABELS[c])
      .join('或')}；${wanted}。`,
    possible,
  }
}
