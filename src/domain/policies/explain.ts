/**
 * The Chinese wording of a match: what each condition asks (label) and which of the enterprise's
 * facts decided it (fact), so a result reads 已满足 / 不满足 / 待补充 with its reason (docs/domain.md §4).
 */
import type { LeafCondition, RegionArea } from './conditions'
import { industryText, normalizeIndustryCode } from './industryCodes'
import type { EncodedFacts, LeafState, PreparedLeaf } from './prepare'
import { MET, MISSING, rangeRelation, regionRange } from './prepare'
import {
  PROFILE_FIELD_LABELS,
  QUALIFICATION_LABELS,
  isKnownAmount,
  type EnterpriseProfile,
  type ProfileField,
} from './profile'
import { SIZE_CLASSES, SIZE_CLASS_LABELS, type SizeClass, type SizeClassResult } from './sizeClass'

/** 5000 → '5000', 12.345 → '12.35': figures as people write them, no grouping commas. */
export function formatFigure(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100)
}

function boundsText(min: number | undefined, max: number | undefined, unit: string, atLeast = '不低于'): string {
  if (min !== undefined && max !== undefined) return `${formatFigure(min)}–${formatFigure(max)} ${unit}`
  if (min !== undefined) return `${atLeast} ${formatFigure(min)} ${unit}`
  return `不超过 ${formatFigure(max ?? 0)} ${unit}`
}

/** 「中型、小型企业」: largest first, as 大中小微 is said. */
function classesText(classes: readonly SizeClass[], joiner: string): string {
  const ordered = [...SIZE_CLASSES].reverse().filter((c) => classes.includes(c))
  return `${ordered.map((c) => SIZE_CLASS_LABELS[c].slice(0, 2)).join(joiner)}企业`
}

function either(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join('、')}或${items[items.length - 1]}`
}

/** What a condition asks, e.g. 「行业：制造业（C）」; the policy's own `label` wins. */
export function conditionLabel(leaf: LeafCondition): string {
  if (leaf.label) return leaf.label
  switch (leaf.kind) {
    case 'industry': {
      const excluded = leaf.exclude?.length ? `（不含${leaf.exclude.map(industryText).join('、')}）` : ''
      return `行业：${leaf.include.map(industryText).join('、') || '不限'}${excluded}`
    }
    case 'sizeClass':
      return `企业规模：${classesText(leaf.allowed, '、')}`
    case 'foundedYears': {
      const parts = [
        leaf.minYears !== undefined ? `满 ${leaf.minYears} 年` : '',
        leaf.maxYears !== undefined ? `未满 ${leaf.maxYears} 年` : '',
      ]
      return `成立${parts.filter(Boolean).join('、')}`
    }
    case 'registeredCapital':
      return `注册资本：${boundsText(leaf.minWan, leaf.maxWan, '万元')}`
    case 'employees':
      return `从业人员：${boundsText(leaf.min, leaf.max, '人', '不少于')}`
    case 'revenue':
      return `营业收入：${boundsText(leaf.minWan, leaf.maxWan, '万元')}`
    case 'rdRatio':
      return `研发费用占营业收入比例：不低于 ${formatFigure(leaf.minPercent)}%`
    case 'region': {
      const areas = leaf.areas?.length ? `注册地：${either(leaf.areas.map((a) => a.name))}` : ''
      const zones = leaf.zones?.length ? `位于${either(leaf.zones)}` : ''
      return areas && zones ? `${areas}，或${zones}` : areas || `所在园区：${either(leaf.zones ?? [])}`
    }
    case 'qualification': {
      const names = leaf.required.map((q) => QUALIFICATION_LABELS[q])
      if (names.length === 1) return `资质：${names[0]}`
      return leaf.mode === 'all' ? `资质：同时为${names.join('、')}` : `资质：${either(names)}（具备其一）`
    }
    case 'taxCreditGrade':
      return `纳税信用等级：${either(leaf.allowed.map((g) => `${g} 级`))}`
    case 'exporter':
      return '有出口业务'
    case 'noSeriousViolation':
      return `近 ${leaf.years} 年无严重违法失信记录`
  }
}

/** The profile fields a condition left 待补充 needs. */
export function missingFieldsOf(
  leaf: PreparedLeaf,
  profile: EnterpriseProfile,
  facts: EncodedFacts,
  size: SizeClassResult,
): ProfileField[] {
  switch (leaf.kind) {
    case 'industry':
      return ['industryCode']
    case 'sizeClass':
      return size.missing
    case 'founded':
      return ['foundedOn']
    case 'number': {
      if (leaf.fact === 'rdRatio')
        return (['rdSpendWan', 'revenueWan'] as const).filter((field) => !isKnownAmount(profile[field]))
      const fields = { employees: 'employees', capital: 'registeredCapitalWan', revenue: 'revenueWan' } as const
      return [fields[leaf.fact]]
    }
    case 'region':
      return [
        ...(leaf.areas !== null &&
        (facts.regionLo < 0 || rangeRelation(leaf.areas, facts.regionLo, facts.regionHi) === 1)
          ? (['regionCode'] as const)
          : []),
        ...(leaf.zones !== null && facts.zone === undefined ? (['developmentZone'] as const) : []),
      ]
    case 'qualification':
      return ['qualifications']
    case 'taxCreditGrade':
      return ['taxCreditGrade']
    case 'exporter':
      return ['exporter']
    case 'noViolation':
      return ['lastSeriousViolationOn']
  }
}

/** A region code's full name (「河南省许昌市魏都区」) or null; the server passes regionFullName. */
export type PlaceNamer = (code: string) => string | null

/**
 * A region code by name: from the region table when the caller has it (the server), else from the
 * policy's own areas: 「许昌市魏都区（411002）」 for an area's own code, 「411002（属许昌市）」
 * inside a larger one, else the code.
 */
function placeText(code: string, areas: readonly RegionArea[], placeName?: PlaceNamer): string {
  const named = placeName?.(code)
  if (named) return named
  const exact = areas.find((area) => area.code === code)
  if (exact) return `${exact.name}（${code}）`
  const range = regionRange(code)
  const within = range
    ? areas.find((area) => {
        const outer = regionRange(area.code)
        return outer !== null && outer[0] <= range[0] && range[1] <= outer[1]
      })
    : undefined
  return within ? `${code}（属${within.name}）` : code
}

/**
 * Which fact decided a condition, e.g. 「从业人员：86 人」 or 「待补充：营业收入」. Neutral wording:
 * the facts may be typed into the calculator or come from the enterprise's record.
 */
export function factText(
  leaf: LeafCondition,
  state: LeafState,
  profile: EnterpriseProfile,
  size: SizeClassResult,
  missing: readonly ProfileField[],
  placeName?: PlaceNamer,
): string {
  if (state === MISSING) {
    const wanted = `待补充：${missing.map((field) => PROFILE_FIELD_LABELS[field]).join('、')}`
    if (leaf.kind === 'sizeClass' && size.possible.length < 4)
      return `${wanted}（按已填信息可能为${classesText(size.possible, '或')}）`
    if (leaf.kind === 'industry' && profile.industryCode) return `${wanted}（请细化到更具体的行业代码）`
    if (leaf.kind === 'region' && profile.regionCode) return `${wanted}（请细化到所在区县）`
    return wanted
  }
  const p = profile
  switch (leaf.kind) {
    case 'industry':
      return `行业：${industryText(normalizeIndustryCode(p.industryCode) ?? String(p.industryCode))}`
    case 'sizeClass':
      // Decided without every figure when each class still possible meets (or fails) alike.
      return size.possible.length === 1
        ? `按已有信息测算为${SIZE_CLASS_LABELS[size.possible[0]]}`
        : `按已有信息可能为${classesText(size.possible, '或')}，${state === MET ? '均符合' : '均不符合'}`
    case 'foundedYears':
      return `成立日期：${p.foundedOn}`
    case 'registeredCapital':
      return `注册资本：${formatFigure(p.registeredCapitalWan ?? 0)} 万元`
    case 'employees':
      return `从业人员：${formatFigure(p.employees ?? 0)} 人`
    case 'revenue':
      return `营业收入：${formatFigure(p.revenueWan ?? 0)} 万元`
    case 'rdRatio': {
      const [rd, revenue] = [p.rdSpendWan ?? 0, p.revenueWan ?? 0]
      const share = revenue > 0 ? `占比 ${formatFigure((rd / revenue) * 100)}%` : '营业收入为 0'
      return `研发费用 ${formatFigure(rd)} 万元、营业收入 ${formatFigure(revenue)} 万元，${share}`
    }
    case 'region': {
      const zone = p.developmentZone === null ? '不在园区' : p.developmentZone ? `所在园区：${p.developmentZone}` : ''
      const place = p.regionCode ? `注册地：${placeText(String(p.regionCode), leaf.areas ?? [], placeName)}` : ''
      return [place, zone].filter(Boolean).join('，')
    }
    case 'qualification': {
      const held = (p.qualifications ?? []).filter((q) => q in QUALIFICATION_LABELS)
      return `资质：${held.map((q) => QUALIFICATION_LABELS[q]).join('、') || '暂无'}`
    }
    case 'taxCreditGrade':
      return `纳税信用等级：${p.taxCreditGrade} 级`
    case 'exporter':
      return p.exporter ? '有出口业务' : '无出口业务'
    case 'noSeriousViolation':
      return p.lastSeriousViolationOn === null
        ? '无严重违法失信记录'
        : `最近一次严重违法失信记录：${p.lastSeriousViolationOn}`
  }
}
