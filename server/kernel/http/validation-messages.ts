import type { ApiErrorBody } from '../../../src/contract/errors'
import { EARLIEST_YEAR, LATEST_YEAR } from './input-door'

/** The parts of an Ajv error we read; Fastify passes them in `error.validation`. */
export interface SchemaViolation {
  keyword: string
  instancePath: string
  params: Record<string, unknown>
}

const TYPE_NAMES: Record<string, string> = {
  string: '字符串',
  integer: '整数',
  number: '数字',
  boolean: '布尔值（true/false）',
  object: '对象',
  array: '数组',
  null: 'null',
}

const PART_NAMES: Record<string, string> = {
  body: '请求体',
  querystring: '查询参数',
  params: '路径参数',
  headers: '请求头',
}

const FORMAT_MESSAGES: Record<string, (field: string) => string> = {
  uuid: (field) => `${field} 不是有效的编号`,
  date: (field) => `${field} 应为 ${EARLIEST_YEAR} 至 ${LATEST_YEAR} 年间真实存在的日期（格式：2026-01-31）`,
  'date-time': (field) =>
    `${field} 应为 ${EARLIEST_YEAR} 至 ${LATEST_YEAR} 年间的有效时间（格式：2026-01-31T08:00:00+08:00）`,
}

/** '/scopes/0' → 'scopes[0]'; the part name when the whole part is wrong. */
function fieldName(violation: SchemaViolation, part: string): string {
  const path = violation.instancePath
    .split('/')
    .slice(1)
    .map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : `.${segment}`))
    .join('')
    .replace(/^\./, '')
  const child = violation.params.missingProperty ?? violation.params.additionalProperty
  if (typeof child === 'string') return path ? `${path}.${child}` : child
  return path || PART_NAMES[part] || part
}

function describe(violation: SchemaViolation, field: string): string {
  const p = violation.params
  switch (violation.keyword) {
    case 'required':
      return `缺少必填字段 ${field}`
    case 'additionalProperties':
      return `不支持的字段 ${field}`
    case 'type':
      return `${field} 应为${TYPE_NAMES[String(p.type)] ?? String(p.type)}`
    case 'enum':
      return `${field} 的取值无效，可选值：${(p.allowedValues as unknown[]).join('、')}`
    case 'const':
      return `${field} 的取值无效`
    case 'minLength':
      return p.limit === 1 ? `${field} 不能为空` : `${field} 至少 ${p.limit} 个字符`
    case 'maxLength':
      return `${field} 不能超过 ${p.limit} 个字符`
    case 'minItems':
      return `${field} 至少需要 ${p.limit} 项`
    case 'maxItems':
      return `${field} 不能超过 ${p.limit} 项`
    case 'minProperties':
      return `${field} 至少需要 ${p.limit} 项`
    case 'maxProperties':
      return `${field} 不能超过 ${p.limit} 项`
    case 'uniqueItems':
      return `${field} 中有重复项`
    case 'minimum':
    case 'exclusiveMinimum':
      return `${field} 不能小于 ${p.limit}`
    case 'maximum':
    case 'exclusiveMaximum':
      return `${field} 不能大于 ${p.limit}`
    case 'format':
      return FORMAT_MESSAGES[String(p.format)]?.(field) ?? `${field} 格式不正确`
    case 'pattern':
      return `${field} 格式不正确`
    default:
      return `${field} 不符合要求`
  }
}

/** Turns schema violations into the VALIDATION_FAILED message and details, in Chinese. */
export function describeViolations(
  violations: SchemaViolation[],
  part: string,
): { message: string; details: NonNullable<ApiErrorBody['details']> } {
  const details = violations.map((violation) => {
    const field = fieldName(violation, part)
    return { field, message: describe(violation, field) }
  })
  const message = details.length > 0 ? `请求参数有误：${details.map((d) => d.message).join('；')}` : '请求参数有误'
  return { message, details }
}
