/**
 * How long before expiry a renewal must be applied for. Regulations state it in calendar days
 * ("届满60日前"), working days ("30个工作日前"), months ("3个月前"), or as a window
 * ("届满前6个月至2个月期间": no earlier than X, no later than Y).
 */

export type SimpleLeadRule =
  { kind: 'calendarDays'; days: number } | { kind: 'workingDays'; days: number } | { kind: 'months'; months: number }

export type LeadRule = SimpleLeadRule | { kind: 'window'; earliest: SimpleLeadRule; latest: SimpleLeadRule }

/**
 * 行政许可法 第五十条: "被许可人需要延续依法取得的行政许可的有效期的，应当在该行政许可有效期届满
 * 三十日前向作出行政许可决定的行政机关提出申请。但是，法律、法规、规章另有规定的，依照其规定。"
 */
export const DEFAULT_LEAD_RULE: LeadRule = { kind: 'calendarDays', days: 30 }

/** Source note for catalogue entries that fall back to the default. */
export const DEFAULT_LEAD_RULE_NOTE = '未检索到专门规定，按行政许可法第五十条（有效期届满30日前申请）'

function describeSimple(rule: SimpleLeadRule): string {
  switch (rule.kind) {
    case 'calendarDays':
      return `${rule.days}日`
    case 'workingDays':
      return `${rule.days}个工作日`
    case 'months':
      return `${rule.months}个月`
  }
}

/** The rule as a regulation would word it, e.g. "有效期届满30日前" or "有效期届满前6个月至2个月期间". */
export function describeLeadRule(rule: LeadRule): string {
  if (rule.kind === 'window') {
    return `有效期届满前${describeSimple(rule.earliest)}至${describeSimple(rule.latest)}期间`
  }
  if (rule.kind === 'calendarDays' && rule.days === 0) return '有效期届满前'
  return `有效期届满${describeSimple(rule)}前`
}

// Bounds that keep a typo in a city's configuration (3000 months) from producing nonsense.
const MAX_CALENDAR_DAYS = 3660
const MAX_WORKING_DAYS = 2500
const MAX_MONTHS = 120

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
}

function simpleRuleProblems(rule: unknown, path: string): string[] {
  if (typeof rule !== 'object' || rule === null) return [`${path} 须为续期提前期规则`]
  const { kind, days, months } = rule as Record<string, unknown>
  switch (kind) {
    case 'calendarDays':
      return isIntegerIn(days, 0, MAX_CALENDAR_DAYS) ? [] : [`${path}.days 须为 0–${MAX_CALENDAR_DAYS} 的整数`]
    case 'workingDays':
      return isIntegerIn(days, 1, MAX_WORKING_DAYS) ? [] : [`${path}.days 须为 1–${MAX_WORKING_DAYS} 的整数`]
    case 'months':
      return isIntegerIn(months, 1, MAX_MONTHS) ? [] : [`${path}.months 须为 1–${MAX_MONTHS} 的整数`]
    default:
      return [`${path}.kind 须为 calendarDays、workingDays 或 months（窗口内不可再嵌套窗口）`]
  }
}

/** Fewest calendar days a rule can reach back (a month can be as short as 28 days). */
function shortestReach(rule: SimpleLeadRule): number {
  if (rule.kind === 'months') return rule.months * 28
  return rule.days
}

/**
 * Most calendar days a rule can reach back. Working days: 5 in 7, plus up to 9 extra days off in
 * a row at 春节 or 国庆 (minus the make-up Saturdays) — 12 leaves slack for any published year.
 */
function longestReach(rule: SimpleLeadRule): number {
  if (rule.kind === 'months') return rule.months * 31
  if (rule.kind === 'workingDays') return Math.ceil((rule.days * 7) / 5) + 12
  return rule.days
}

/** Problems with a rule given as data (e.g. a city's configuration), in Chinese; [] when valid. */
export function leadRuleProblems(rule: unknown, path = 'leadRule'): string[] {
  if (typeof rule !== 'object' || rule === null) return [`${path} 须为续期提前期规则`]
  const candidate = rule as Record<string, unknown>
  if (candidate.kind !== 'window') return simpleRuleProblems(rule, path)
  const problems = [
    ...simpleRuleProblems(candidate.earliest, `${path}.earliest`),
    ...simpleRuleProblems(candidate.latest, `${path}.latest`),
  ]
  if (problems.length > 0) return problems
  const earliest = candidate.earliest as SimpleLeadRule
  const latest = candidate.latest as SimpleLeadRule
  if (shortestReach(earliest) <= longestReach(latest)) {
    return [`${path}: 最早申请时点（${describeSimple(earliest)}）须早于最晚申请时点（${describeSimple(latest)}）`]
  }
  return []
}
