import type { FastifyInstance, FastifyRequest, FastifyServerOptions } from 'fastify'
import { isIsoDate } from '../../../src/domain/calendar/dates'
import { ApiError } from './api-error'

/**
 * The one door every request passes before any route code runs: text PostgreSQL cannot store is
 * refused here with a 400, so no route has to remember it and none answers 500 for it.
 *
 * - U+0000: PostgreSQL text cannot hold it ("invalid byte sequence for encoding UTF8: 0x00").
 * - Unpaired UTF-16 surrogates (JSON "\ud800" parses to one): UTF-8 cannot encode them, and the
 *   drivers silently turn them into U+FFFD, so what was stored would not be what was sent.
 *
 * Path parameters, the query string and headers are checked on onRequest, before any route's own
 * hooks (authentication looks up keys); the body on preValidation, once it is parsed. A route
 * whose body is raw text that it reads line by line (the registry import) sets
 * `config: { textBodyCheckedPerLine: true }`, so one bad line is reported, not the whole file
 * refused.
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route checks its text body itself, line by line (see input-door.ts). */
    textBodyCheckedPerLine?: boolean
    /**
     * A landing page a person opens from a link or a QR (/verify): it reads its query string itself
     * and redirects to a page that explains anything wrong, so junk there (a NUL byte, a cut-off
     * link) must not end in a JSON error in the person's browser. Headers and path are still checked.
     */
    landingQueryCheckedByRoute?: boolean
  }
}

/** Depth beyond which a body is refused rather than walked (no form of ours nests past 6). */
const MAX_DEPTH = 32

/** What makes a string unstorable; '' when it is fine. */
export function textProblem(text: string): '' | 'nul' | 'surrogate' {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit === 0) return 'nul'
    if (unit >= 0xd800 && unit <= 0xdfff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0
      if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++
      else return 'surrogate'
    }
  }
  return ''
}

interface Found {
  field: string
  problem: 'nul' | 'surrogate' | 'depth'
}

function fieldOf(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`
  return path ? `${path}.${key}` : key
}

/** The first string (value or property name) in `value` that cannot be stored, with its path. */
export function findUnstorableText(value: unknown, path = '', depth = 0): Found | null {
  if (typeof value === 'string') {
    const problem = textProblem(value)
    return problem ? { field: path, problem } : null
  }
  if (value === null || typeof value !== 'object') return null
  if (Buffer.isBuffer(value)) return null
  if (depth >= MAX_DEPTH) return { field: '', problem: 'depth' }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], fieldOf(path, i), depth + 1)
      if (found) return found
    }
    return null
  }
  for (const [key, child] of Object.entries(value)) {
    const keyProblem = textProblem(key)
    if (keyProblem) return { field: fieldOf(path, key.replace(/[\0\ud800-\udfff]/g, '?')), problem: keyProblem }
    const found = findUnstorableText(child, fieldOf(path, key), depth + 1)
    if (found) return found
  }
  return null
}

const PART_NAMES = { params: '路径参数', querystring: '查询参数', headers: '请求头', body: '请求体' } as const

const PROBLEM_TEXT: Record<Found['problem'], string> = {
  nul: '含有空字符（U+0000），请删除后重试',
  surrogate: '含有无法识别的字符（不完整的 Unicode 编码），请删除后重试',
  depth: `嵌套层级过深（超过 ${MAX_DEPTH} 层）`,
}

/** A catch-all route's parameter (the static fallback, the API's 404) is named "*" by the router. */
const WILDCARD_PARAM = '*'

export function unstorableTextError(part: keyof typeof PART_NAMES, found: Found): ApiError {
  const field = part === 'params' && found.field === WILDCARD_PARAM ? '请求地址' : found.field || PART_NAMES[part]
  const message = `${field} ${PROBLEM_TEXT[found.problem]}`
  return new ApiError('VALIDATION_FAILED', { message: `请求参数有误：${message}`, details: [{ field, message }] })
}

function check(part: keyof typeof PART_NAMES, value: unknown): void {
  const found = findUnstorableText(value)
  if (found) throw unstorableTextError(part, found)
}

async function checkAddressAndHeaders(request: FastifyRequest): Promise<void> {
  check('params', request.params)
  if (!request.routeOptions.config.landingQueryCheckedByRoute) check('querystring', request.query)
  check('headers', request.headers)
}

async function checkBody(request: FastifyRequest): Promise<void> {
  if (request.routeOptions.config.textBodyCheckedPerLine && typeof request.body === 'string') return
  check('body', request.body)
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** An id a uuid column accepts: for ids that arrive inside something the schema cannot see into. */
export function isUuid(text: unknown): text is string {
  return typeof text === 'string' && UUID.test(text)
}

/**
 * Years a date in a request may name. Nothing this API is told about — an enterprise's founding,
 * a violation, a reminder run, a follow-up list, a supervision time — lies before 1900 or after
 * 2100; 9999-12-31 or 0001-01-01 there is a placeholder or a typo, not a date to compute with
 * (and working-day arithmetic past the published holiday calendars is an estimate already).
 * Licence dates have tighter rules of their own (src/domain/licences/validation.ts: issued from
 * 1950 to today, expiring within 30 years of issue), as do seal grants (at most a year ahead).
 */
export const EARLIEST_YEAR = 1900
export const LATEST_YEAR = 2100

function dateInRange(text: string): boolean {
  if (!isIsoDate(text)) return false
  const year = Number(text.slice(0, 4))
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR
}

const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[Tt ]([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d{1,9})?([Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/

function dateTimeInRange(text: string): boolean {
  const match = DATE_TIME.exec(text)
  return match !== null && dateInRange(match[1]) && Number.isFinite(Date.parse(text))
}

type AjvInstance = Parameters<NonNullable<NonNullable<FastifyServerOptions['ajv']>['onCreate']>>[0]

/**
 * JSON-schema formats as the database and the date code read them: `uuid` is the bare
 * 8-4-4-4-12 form (ajv-formats also takes "urn:uuid:…", which a uuid column refuses with a 500);
 * `date` and `date-time` name a real day between EARLIEST_YEAR and LATEST_YEAR.
 */
export function storableFormats(ajv: AjvInstance): void {
  ajv.addFormat('uuid', UUID)
  ajv.addFormat('date', { type: 'string', validate: dateInRange })
  ajv.addFormat('date-time', { type: 'string', validate: dateTimeInRange })
}

export function registerInputDoor(app: FastifyInstance): void {
  app.addHook('onRequest', checkAddressAndHeaders)
  app.addHook('preValidation', checkBody)
}
