/**
 * The built-in catalogue of licence types, and the merge of a city's own entries over it. The
 * origin city (Xuchang) tracked 58 kinds; the rest of a city's list, and its local lead times,
 * arrive as data the server stores — so every entry here is also validated as data.
 */
import { leadRuleProblems } from './leadRules'
import { AUTHORITY_KIND_LABELS, RENEWAL_PROCEDURE_LABELS, type LicenceType } from './licenceType'
import { ENVIRONMENT_AND_SAFETY_TYPES } from './licenceTypes/environmentAndSafety'
import { FOOD_DRUG_AND_HEALTH_TYPES } from './licenceTypes/foodDrugAndHealth'
import { TRADE_CULTURE_AND_LABOUR_TYPES } from './licenceTypes/tradeCultureAndLabour'

export const LICENCE_CATALOGUE: readonly LicenceType[] = [
  ...ENVIRONMENT_AND_SAFETY_TYPES,
  ...FOOD_DRUG_AND_HEALTH_TYPES,
  ...TRADE_CULTURE_AND_LABOUR_TYPES,
]

export function findLicenceType(catalogue: readonly LicenceType[], code: string): LicenceType | undefined {
  return catalogue.find((type) => type.code === code)
}

const CODE_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/
const MAX_TEXT = 500

type Field = keyof LicenceType
const FIELDS: readonly Field[] = [
  'code',
  'name',
  'authorityKind',
  'validityYears',
  'leadRule',
  'procedure',
  'materials',
  'applyAt',
  'source',
]

function isText(value: unknown, max = MAX_TEXT): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= max
}

const FIELD_CHECKS: Record<Field, (value: unknown) => string[]> = {
  code: (v) =>
    typeof v === 'string' && CODE_PATTERN.test(v) && v.length <= 64
      ? []
      : ['code 须为小写字母、数字和连字符，如 pollutant-discharge'],
  name: (v) => (isText(v, 60) ? [] : ['name 须为 1–60 字的证照名称']),
  authorityKind: (v) =>
    typeof v === 'string' && v in AUTHORITY_KIND_LABELS
      ? []
      : [`authorityKind 须为 ${Object.keys(AUTHORITY_KIND_LABELS).join('、')} 之一`],
  validityYears: (v) =>
    v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 50)
      ? []
      : ['validityYears 须为 1–50 的整数或 null'],
  leadRule: (v) => leadRuleProblems(v),
  procedure: (v) =>
    typeof v === 'string' && v in RENEWAL_PROCEDURE_LABELS
      ? []
      : [`procedure 须为 ${Object.keys(RENEWAL_PROCEDURE_LABELS).join('、')} 之一`],
  materials: (v) =>
    Array.isArray(v) && v.length <= 30 && v.every((item) => isText(item, 200))
      ? []
      : ['materials 须为不超过 30 项的非空文字列表'],
  applyAt: (v) => (isText(v) ? [] : ['applyAt 须为非空文字']),
  source: (v) => (isText(v) ? [] : ['source 须为非空文字（注明依据）']),
}

/** Problems with a complete licence type given as data, in Chinese; [] when valid. */
export function licenceTypeProblems(entry: unknown): string[] {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return ['须为证照类型对象']
  const record = entry as Record<string, unknown>
  const unknown = Object.keys(record).filter((key) => !(FIELDS as readonly string[]).includes(key))
  return [
    ...unknown.map((key) => `未知字段 ${key}`),
    ...FIELDS.flatMap((field) => (field in record ? FIELD_CHECKS[field](record[field]) : [`缺少字段 ${field}`])),
  ]
}

/**
 * A city's entry: a new type (every field), or changes to a built-in one by `code` (only the
 * fields that differ), or `{ code, disabled: true }` to hide a type the city does not issue.
 */
export type CatalogueOverride = Partial<LicenceType> & { code: string; disabled?: boolean }

export interface CatalogueError {
  /** position in the overrides list */
  index: number
  code?: string
  problems: string[]
}

function pickFields(record: Record<string, unknown>): LicenceType {
  const picked: Record<string, unknown> = {}
  for (const field of FIELDS) picked[field] = record[field]
  return picked as unknown as LicenceType
}

/**
 * The catalogue a city sees: `base` in order with the city's changes applied, its new types
 * appended. A malformed override is skipped (the base entry stays) and reported in `errors`.
 */
export function mergeCatalogue(
  base: readonly LicenceType[],
  overrides: readonly unknown[],
): { catalogue: LicenceType[]; errors: CatalogueError[] } {
  const merged = new Map<string, LicenceType | null>(base.map((type) => [type.code, type]))
  const seen = new Set<string>()
  const errors: CatalogueError[] = []
  overrides.forEach((override, index) => {
    if (typeof override !== 'object' || override === null || Array.isArray(override)) {
      errors.push({ index, problems: ['须为证照类型对象'] })
      return
    }
    const { disabled, ...fields } = override as Record<string, unknown>
    const code = fields.code
    if (typeof code !== 'string' || FIELD_CHECKS.code(code).length > 0) {
      errors.push({ index, problems: FIELD_CHECKS.code(code) })
      return
    }
    if (seen.has(code)) {
      errors.push({ index, code, problems: [`code ${code} 在本市配置中重复`] })
      return
    }
    seen.add(code)
    if (disabled !== undefined && typeof disabled !== 'boolean') {
      errors.push({ index, code, problems: ['disabled 须为 true 或 false'] })
      return
    }
    const existing = merged.get(code)
    if (disabled === true) {
      if (existing === undefined) errors.push({ index, code, problems: [`停用的证照类型 ${code} 不在目录中`] })
      else merged.set(code, null)
      return
    }
    const candidate = existing ? { ...existing, ...fields } : fields
    const problems = licenceTypeProblems(candidate)
    if (problems.length > 0) errors.push({ index, code, problems })
    else merged.set(code, pickFields(candidate))
  })
  const catalogue = [...merged.values()].filter((type): type is LicenceType => type !== null)
  return { catalogue, errors }
}
