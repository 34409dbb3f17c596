/**
 * Checks on a policy's eligibility as an administrator submits it. A malformed condition must be
 * refused, not silently read: a misspelt bound (`minYear`) would otherwise drop out and make a
 * policy look open to every enterprise.
 */
import { CONDITION_KINDS, type ConditionKind } from './conditions'
import { industryRange, normalizeIndustryCode } from './industryCodes'
import { QUALIFICATIONS, TAX_CREDIT_GRADES } from './profile'
import { SIZE_CLASSES } from './sizeClass'

export interface PolicyProblem {
  /** Where, as 'eligibility.all[2].minYears'. */
  path: string
  /** What is wrong, in Chinese, for the administrator. */
  message: string
}

/** Enough for any real policy; bounds the matcher's work and its per-pair counters. */
export const MAX_LEAF_CONDITIONS = 50

type Report = (path: string, message: string) => void
type Fields = Record<string, unknown>

const PARAMETERS: Record<ConditionKind, readonly string[]> = {
  industry: ['include', 'exclude'],
  sizeClass: ['allowed'],
  foundedYears: ['minYears', 'maxYears'],
  registeredCapital: ['minWan', 'maxWan'],
  region: ['areas', 'zones'],
  qualification: ['required', 'mode'],
  taxCreditGrade: ['allowed'],
  employees: ['min', 'max'],
  revenue: ['minWan', 'maxWan'],
  rdRatio: ['minPercent'],
  exporter: [],
  noSeriousViolation: ['years'],
}

export function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

/** A [min, max] pair: each optional, at least one given, each ≥ 0 (integer if asked), min ≤ max. */
function checkBounds(
  c: Fields,
  path: string,
  [minKey, maxKey]: readonly string[],
  unit: string,
  report: Report,
  integer = false,
): void {
  const [min, max] = [c[minKey], c[maxKey]]
  if (min === undefined && max === undefined) report(path, `请至少填写 ${minKey} 或 ${maxKey}`)
  for (const [key, value] of [
    [minKey, min],
    [maxKey, max],
  ] as const) {
    if (value === undefined) continue
    if (!isNumber(value) || value < 0) report(`${path}.${key}`, `${key} 应为不小于 0 的数字（单位：${unit}）`)
    else if (integer && !Number.isInteger(value)) report(`${path}.${key}`, `${key} 应为整数（单位：${unit}）`)
  }
  if (isNumber(min) && isNumber(max) && min > max) report(`${path}.${maxKey}`, `${maxKey} 不能小于 ${minKey}`)
}

/** A non-empty list of values from a closed vocabulary, each once. */
function checkChoices(value: unknown, path: string, allowed: readonly string[], report: Report): void {
  if (!Array.isArray(value) || value.length === 0) {
    report(path, `请至少选择一项，可选值：${allowed.join('、')}`)
    return
  }
  value.forEach((item, i) => {
    if (!allowed.includes(item as string))
      report(`${path}[${i}]`, `无效的取值「${String(item)}」，可选值：${allowed.join('、')}`)
    else if (value.indexOf(item) !== i) report(`${path}[${i}]`, `「${String(item)}」重复`)
  })
}

function checkIndustry(c: Fields, path: string, report: Report): void {
  const lists = { include: c.include, exclude: c.exclude ?? [] }
  const ranges: Record<string, [number, number][]> = { include: [], exclude: [] }
  for (const [key, list] of Object.entries(lists)) {
    if (!Array.isArray(list)) {
      report(`${path}.${key}`, `${key} 应为行业代码数组（GB/T 4754-2017，如 C、C33、C3311）`)
      continue
    }
    list.forEach((code, i) => {
      const normalized = normalizeIndustryCode(code)
      if (normalized === null || normalized !== code)
        report(
          `${path}.${key}[${i}]`,
          `「${String(code)}」不是有效的国民经济行业代码（应为大写字母加 0–4 位数字，如 C3311）`,
        )
      else ranges[key].push(industryRange(normalized))
    })
  }
  if (Array.isArray(lists.include) && lists.include.length === 0 && ranges.exclude.length === 0)
    report(`${path}.include`, '请至少填写一个包含或排除的行业')
  if (ranges.include.length === 0) return
  ranges.exclude.forEach(([lo, hi], i) => {
    if (!ranges.include.some(([a, b]) => a <= lo && hi <= b))
      report(`${path}.exclude[${i}]`, '排除的行业应属于包含的某个行业，否则这一排除不起作用')
  })
}

function checkRegion(c: Fields, path: string, report: Report): void {
  const areas = c.areas ?? []
  const zones = c.zones ?? []
  if (!Array.isArray(areas)) report(`${path}.areas`, 'areas 应为地区数组（{ code, name }）')
  else
    areas.forEach((area, i) => {
      if (!isRecord(area) || typeof area.code !== 'string' || !/^\d{6}$/.test(area.code))
        report(`${path}.areas[${i}].code`, '地区代码应为 6 位行政区划代码，如 411000（许昌市）')
      if (!isRecord(area) || typeof area.name !== 'string' || area.name.trim() === '')
        report(`${path}.areas[${i}].name`, '请填写地区名称')
    })
  if (!Array.isArray(zones)) report(`${path}.zones`, 'zones 应为开发区名称数组')
  else
    zones.forEach((zone, i) => {
      if (typeof zone !== 'string' || zone.trim() === '') report(`${path}.zones[${i}]`, '开发区名称不能为空')
    })
  if (Array.isArray(areas) && Array.isArray(zones) && areas.length + zones.length === 0)
    report(path, '请至少填写一个地区或开发区')
}

function checkParameters(kind: ConditionKind, c: Fields, path: string, report: Report): void {
  switch (kind) {
    case 'industry':
      return checkIndustry(c, path, report)
    case 'sizeClass':
      return checkChoices(c.allowed, `${path}.allowed`, SIZE_CLASSES, report)
    case 'foundedYears':
      checkBounds(c, path, PARAMETERS.foundedYears, '年', report, true)
      if (c.maxYears === 0) report(`${path}.maxYears`, '「成立未满 0 年」无法满足')
      return
    case 'registeredCapital':
    case 'revenue':
      return checkBounds(c, path, PARAMETERS[kind], '万元', report)
    case 'employees':
      return checkBounds(c, path, PARAMETERS.employees, '人', report, true)
    case 'region':
      return checkRegion(c, path, report)
    case 'qualification':
      checkChoices(c.required, `${path}.required`, QUALIFICATIONS, report)
      if (c.mode !== 'any' && c.mode !== 'all') report(`${path}.mode`, 'mode 应为 any（具备其一）或 all（全部具备）')
      return
    case 'taxCreditGrade':
      return checkChoices(c.allowed, `${path}.allowed`, TAX_CREDIT_GRADES, report)
    case 'rdRatio':
      if (!isNumber(c.minPercent) || c.minPercent <= 0 || c.minPercent > 100)
        report(`${path}.minPercent`, 'minPercent 应为大于 0、不超过 100 的百分比')
      return
    case 'exporter':
      return
    case 'noSeriousViolation':
      if (!isNumber(c.years) || !Number.isInteger(c.years) || c.years < 1 || c.years > 20)
        report(`${path}.years`, 'years 应为 1–20 的整数（近几年内无严重违法失信记录）')
  }
}

interface Walk {
  ids: Map<string, string>
  leaves: number
  report: Report
}

function checkId(id: unknown, path: string, walk: Walk, required: boolean): void {
  if (id === undefined && !required) return
  if (typeof id !== 'string' || id.trim() === '' || id.length > 64) {
    walk.report(`${path}.id`, '条件需要一个不超过 64 个字符的标识（id），用于逐条说明匹配结果')
    return
  }
  const first = walk.ids.get(id)
  if (first !== undefined) walk.report(`${path}.id`, `条件标识「${id}」与 ${first} 重复`)
  else walk.ids.set(id, path)
}

function checkLeaf(c: Fields, path: string, walk: Walk): void {
  walk.leaves++
  checkId(c.id, path, walk, true)
  if (c.label !== undefined && (typeof c.label !== 'string' || c.label.trim() === ''))
    walk.report(`${path}.label`, 'label 应为非空字符串')
  const kind = c.kind as ConditionKind
  if (!CONDITION_KINDS.includes(kind)) {
    walk.report(`${path}.kind`, `不支持的条件类型「${String(c.kind)}」，可选：${CONDITION_KINDS.join('、')}`)
    return
  }
  for (const key of Object.keys(c))
    if (!['id', 'kind', 'label', ...PARAMETERS[kind]].includes(key))
      walk.report(
        `${path}.${key}`,
        `「${kind}」条件不支持字段 ${key}，可用字段：${PARAMETERS[kind].join('、') || '无'}`,
      )
  checkParameters(kind, c, path, walk.report)
}

function checkGroup(group: unknown, path: string, depth: number, walk: Walk): void {
  if (!isRecord(group)) {
    walk.report(path, '条件组应为对象：{ all: [...] } 或 { any: [...] }')
    return
  }
  const hasAll = 'all' in group
  if (hasAll === 'any' in group) {
    walk.report(path, '条件组须且只能包含 all（全部满足）或 any（满足其一）之一')
    return
  }
  const key = hasAll ? 'all' : 'any'
  checkId(group.id, path, walk, false)
  for (const extra of Object.keys(group))
    if (!['id', 'label', key].includes(extra)) walk.report(`${path}.${extra}`, `条件组不支持字段 ${extra}`)
  const members = group[key]
  if (!Array.isArray(members)) {
    walk.report(`${path}.${key}`, `${key} 应为条件数组`)
    return
  }
  // An empty root 'all' is a policy open to every enterprise; an empty 'any' can never be met.
  if (members.length === 0 && (depth > 0 || key === 'any')) walk.report(`${path}.${key}`, '条件组不能为空')
  members.forEach((member, i) => {
    const memberPath = `${path}.${key}[${i}]`
    if (!isRecord(member)) walk.report(memberPath, '条件应为对象')
    else if ('kind' in member) checkLeaf(member, memberPath, walk)
    else if (depth > 0) walk.report(memberPath, '条件组最多嵌套一层')
    else checkGroup(member, memberPath, depth + 1, walk)
  })
}

/** Problems of an eligibility at `path`, appended to `problems`. */
export function eligibilityProblems(input: unknown, path: string, problems: PolicyProblem[]): void {
  const walk: Walk = { ids: new Map(), leaves: 0, report: (p, message) => problems.push({ path: p, message }) }
  checkGroup(input, path, 0, walk)
  if (walk.leaves > MAX_LEAF_CONDITIONS) walk.report(path, `条件不能超过 ${MAX_LEAF_CONDITIONS} 条`)
}
