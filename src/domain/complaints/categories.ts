/**
 * Complaint categories and their time limits. The State Council 12345 guideline (国办发〔2020〕53号)
 * asks every locality to set handling limits but does not fix them, so the numbers are data a city
 * supplies: Beijing's 接诉即办 rules give 7 / 15 days and 24 hours for urgent matters, other cities
 * count working days per category. Our defaults follow the common working-day practice.
 *
 * We count every limit in working days (see ../calendar/workingDays). Beijing's "24 h" for urgent
 * cases becomes 1 working day here: an hour clock would need staff rosters the app does not have,
 * and a city that wants hours can run them on its own hotline system.
 */

export type ComplaintCategoryCode = 'enquiry' | 'help' | 'complaint' | 'suggestion' | 'urgent'

export const COMPLAINT_CATEGORY_CODES: readonly ComplaintCategoryCode[] = [
  'enquiry',
  'help',
  'complaint',
  'suggestion',
  'urgent',
]

export interface ComplaintCategory {
  code: ComplaintCategoryCode
  /** shown to users, e.g. 咨询 */
  name: string
  /** working days from submission to the reply (see ./sla) */
  timeLimitWorkingDays: number
}

/** 回访 after a bad rating (好差评, 国办发〔2019〕51号: 差评 must be verified, rectified and answered). */
export interface ReturnVisitLimits {
  /** call the submitter back within this many working days of the bad rating */
  callBackWorkingDays: number
  /** rectify within this many working days of the bad rating */
  rectifyWorkingDays: number
}

export interface ComplaintRules {
  categories: readonly ComplaintCategory[]
  returnVisit: ReturnVisitLimits
}

export const DEFAULT_COMPLAINT_CATEGORIES: readonly ComplaintCategory[] = [
  { code: 'enquiry', name: '咨询', timeLimitWorkingDays: 3 },
  { code: 'help', name: '求助', timeLimitWorkingDays: 5 },
  { code: 'complaint', name: '投诉', timeLimitWorkingDays: 13 },
  { code: 'suggestion', name: '建议', timeLimitWorkingDays: 15 },
  // Beijing: 24 hours; we count 1 working day (see the note at the top of this file).
  { code: 'urgent', name: '紧急', timeLimitWorkingDays: 1 },
]

/** Zhejiang's 差评整改 practice: call back within 1 working day, rectify within 15. */
export const DEFAULT_RETURN_VISIT_LIMITS: ReturnVisitLimits = { callBackWorkingDays: 1, rectifyWorkingDays: 15 }

export const DEFAULT_COMPLAINT_RULES: ComplaintRules = {
  categories: DEFAULT_COMPLAINT_CATEGORIES,
  returnVisit: DEFAULT_RETURN_VISIT_LIMITS,
}

/**
 * The longest limit a table may set: 信访工作条例 (2022) 第三十二条 gives 60 days to settle a
 * 信访事项, and no hotline category should be slower than a formal petition.
 */
export const MAX_TIME_LIMIT_WORKING_DAYS = 60

const MAX_CATEGORY_NAME_CHARS = 10

export function isComplaintCategoryCode(value: unknown): value is ComplaintCategoryCode {
  return typeof value === 'string' && (COMPLAINT_CATEGORY_CODES as readonly string[]).includes(value)
}

/** The category with this code in a city's table, or undefined when the city does not offer it. */
export function complaintCategory(
  code: string,
  rules: ComplaintRules = DEFAULT_COMPLAINT_RULES,
): ComplaintCategory | undefined {
  return rules.categories.find((category) => category.code === code)
}

function isLimit(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_TIME_LIMIT_WORKING_DAYS
}

/**
 * Problems with a city's table, in Chinese for the operator who configures it; empty when usable.
 * A city may offer only some categories (not every hotline takes 紧急 matters online), but each at
 * most once, with a whole number of working days between 1 and 60.
 */
export function complaintRulesProblems(rules: ComplaintRules): string[] {
  const problems: string[] = []
  if (!Array.isArray(rules.categories) || rules.categories.length === 0) {
    problems.push('至少需要配置一个诉求类别')
  } else {
    const seen = new Set<string>()
    for (const category of rules.categories) {
      const code = String(category?.code)
      if (!isComplaintCategoryCode(category?.code)) {
        problems.push(`未知的诉求类别：${code}`)
        continue
      }
      if (seen.has(code)) problems.push(`诉求类别重复：${code}`)
      seen.add(code)
      const name = typeof category.name === 'string' ? category.name.trim() : ''
      if (!name || Array.from(name).length > MAX_CATEGORY_NAME_CHARS)
        problems.push(`类别 ${code} 的名称须为 1–${MAX_CATEGORY_NAME_CHARS} 个字`)
      if (!isLimit(category.timeLimitWorkingDays))
        problems.push(`类别 ${code} 的办理时限须为 1–${MAX_TIME_LIMIT_WORKING_DAYS} 个工作日的整数`)
    }
  }
  const visit = rules.returnVisit
  if (!isLimit(visit?.callBackWorkingDays))
    problems.push(`回访时限须为 1–${MAX_TIME_LIMIT_WORKING_DAYS} 个工作日的整数`)
  if (!isLimit(visit?.rectifyWorkingDays)) problems.push(`整改时限须为 1–${MAX_TIME_LIMIT_WORKING_DAYS} 个工作日的整数`)
  else if (isLimit(visit.callBackWorkingDays) && visit.rectifyWorkingDays < visit.callBackWorkingDays)
    problems.push('整改时限不能短于回访时限')
  return problems
}

/**
 * The limits a case is held to, fixed when it is submitted (docs/domain.md §5): a city that later
 * changes a category's days or its 回访 limits changes them for new cases only. Every limit is
 * counted in working days (see the note at the top of this file).
 */
export interface ComplaintLimits {
  /** working days from submission to the reply (./sla) */
  timeLimitWorkingDays: number
  returnVisit: ReturnVisitLimits
}

/** The limits a new case of this category gets under `rules`; undefined when the city does not offer it. */
export function complaintLimits(
  code: string,
  rules: ComplaintRules = DEFAULT_COMPLAINT_RULES,
): ComplaintLimits | undefined {
  const category = complaintCategory(code, rules)
  if (category === undefined) return undefined
  const { callBackWorkingDays, rectifyWorkingDays } = rules.returnVisit
  return {
    timeLimitWorkingDays: category.timeLimitWorkingDays,
    returnVisit: { callBackWorkingDays, rectifyWorkingDays },
  }
}

/**
 * The rules one case is held to: the city's table as it is now (which categories staff may
 * reclassify it to), with the case's own category at the limit it was submitted under and the
 * 回访 limits of then. A category the city has since withdrawn keeps working for the cases filed in it.
 */
export function rulesForCase(
  code: ComplaintCategoryCode,
  limits: ComplaintLimits,
  rules: ComplaintRules = DEFAULT_COMPLAINT_RULES,
): ComplaintRules {
  const name = complaintCategory(code, rules)?.name ?? complaintCategory(code)?.name ?? code
  const own: ComplaintCategory = { code, name, timeLimitWorkingDays: limits.timeLimitWorkingDays }
  const offered = rules.categories.some((category) => category.code === code)
  const categories = offered
    ? rules.categories.map((category) => (category.code === code ? own : category))
    : [...rules.categories, own]
  return { categories, returnVisit: { ...limits.returnVisit } }
}
