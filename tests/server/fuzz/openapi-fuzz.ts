import fc from 'fast-check'
import type { InjectOptions } from 'fastify'
import type { Db } from '../../../server/kernel/db/db'
import type { Auth, FuzzWorld } from './fuzz-world'
import { FUZZ_TODAY } from './fuzz-world'
import { anyJson, badUuid, hostileText, nulText } from './hostile-values'
import { canonicalJson, type JsonValue } from '../../../src/domain/signing/tbs'
import { broken, fuzzed, mutatedExample, shaped, type JsonSchema, type ValueContext } from './schema-values'

/**
 * Every operation of the OpenAPI document, sent generated bad requests with real credentials:
 * no answer may be a 5xx, and a refused request (4xx) may not have written a row.
 */

interface OpenApiParameter {
  in: 'path' | 'query' | 'header'
  name: string
  required?: boolean
  schema?: JsonSchema
}

interface OpenApiOperation {
  security?: Record<string, unknown>[]
  parameters?: OpenApiParameter[]
  requestBody?: { content: Record<string, { schema: JsonSchema }> }
}

export interface FuzzOperation {
  method: string
  path: string
  operation: OpenApiOperation
}

export function operationsOf(doc: { paths: Record<string, Record<string, OpenApiOperation>> }): FuzzOperation[] {
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
  )
}

export const nameOf = (op: FuzzOperation): string => `${op.method} ${op.path}`

/** Percent-encoding that also carries what encodeURIComponent refuses (lone surrogates). */
function encode(text: string): string {
  try {
    return encodeURIComponent(text)
  } catch {
    return Array.from(text, (c) => {
      const unit = c.charCodeAt(0)
      if (c.length === 1 && unit >= 0xd800 && unit <= 0xdfff)
        return Buffer.from([0xed, 0xa0 | ((unit >> 6) & 0x1f), 0x80 | (unit & 0x3f)])
          .toString('hex')
          .replace(/(..)/g, '%$1')
      return encodeURIComponent(c)
    }).join('')
  }
}

/** How a value travels in a URL: text as it is, anything else as its JSON. */
const textOf = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''))

/** Already-encoded path or query text that decoders choke on. */
const rawEncoded = fc.constantFrom(
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%FF',
  '%C0%80',
  '%',
  '%zz',
  '..',
  '%2F',
  'a%2Fb',
  '%E4%B8',
)

function idPool(world: FuzzWorld, op: FuzzOperation, name: string): string[] {
  if (name !== 'id') return world.ids[name] ?? []
  if (op.path.includes('/systems/')) return world.ids['systems:id']
  if (op.path.includes('/inbox/')) return world.ids['inbox:id']
  if (op.path.includes('polic')) return world.ids['policies:id']
  return []
}

function pathValue(world: FuzzWorld, op: FuzzOperation, param: OpenApiParameter): fc.Arbitrary<string> {
  const known = idPool(world, op, param.name)
  const schema = param.schema ?? { type: 'string' }
  const options: fc.WeightedArbitrary<string>[] = [
    { arbitrary: shaped(schema, contextOf(world)).map((value) => encode(textOf(value))), weight: 2 },
    { arbitrary: fc.oneof(hostileText, badUuid).map(encode), weight: 3 },
    { arbitrary: rawEncoded, weight: 2 },
  ]
  // The first known id is the one the fixture set up for this user (张建国's enterprise, his task…).
  if (known.length)
    options.push(
      { arbitrary: fc.constant(encode(known[0])), weight: 4 },
      { arbitrary: fc.constantFrom(...known).map(encode), weight: 2 },
    )
  return fc.oneof(...options)
}

function queryString(world: FuzzWorld, params: OpenApiParameter[]): fc.Arbitrary<string> {
  const ctx = contextOf(world)
  const declared = params.map((param) =>
    fc
      .option(
        fc.oneof(
          { arbitrary: shaped(param.schema ?? {}, ctx), weight: 2 },
          { arbitrary: broken(param.schema ?? {}), weight: 2 },
        ),
        { freq: 2 },
      )
      .map((value) => (value === null ? '' : `${encode(param.name)}=${encode(textOf(value))}`)),
  )
  const extra = fc.oneof(
    fc.constant(''),
    fc.constant(''),
    fc.tuple(fc.string({ maxLength: 8 }), hostileText).map(([key, value]) => `${encode(key)}=${encode(value)}`),
    rawEncoded.map((raw) => `q=${raw}`),
    // The same declared parameter twice: an array where a string is expected.
    params.length ? fc.constantFrom(...params).map((param) => `${param.name}=a&${param.name}=b`) : fc.constant(''),
  )
  return fc.tuple(fc.tuple(...declared), extra).map(([parts, more]) => [...parts, more].filter(Boolean).join('&'))
}

function contextOf(world: FuzzWorld): ValueContext {
  return { knownIds: world.knownIds, samples: world.samples, today: FUZZ_TODAY }
}

type Credential = 'rep' | 'handler' | 'agent' | 'admin' | 'system' | 'throwaway' | 'none' | 'garbage'

function credentials(op: FuzzOperation): fc.Arbitrary<Credential> {
  const schemes = (op.operation.security ?? []).flatMap((entry) => Object.keys(entry))
  if (op.path.endsWith('/auth/logout') || op.path.endsWith('/me/consent')) return fc.constant('throwaway')
  const options: fc.WeightedArbitrary<Credential>[] = [{ arbitrary: fc.constantFrom('none', 'garbage'), weight: 1 }]
  if (schemes.includes('session'))
    options.push(
      { arbitrary: fc.constant('rep'), weight: 12 },
      { arbitrary: fc.constantFrom('handler', 'agent'), weight: 3 },
    )
  if (schemes.includes('adminKey')) options.push({ arbitrary: fc.constant('admin'), weight: 12 })
  if (schemes.includes('systemKey')) options.push({ arbitrary: fc.constant('system'), weight: 12 })
  if (schemes.length === 0) options.push({ arbitrary: fc.constant('rep'), weight: 4 })
  return fc.oneof(...options)
}

/** Nesting deep enough to overflow a recursive walk of the parsed body. */
const DEEP_ARRAY = `${'['.repeat(60_000)}${']'.repeat(60_000)}`
const DEEP_OBJECT = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`

/** A body for a route the document describes without one (raw uploads, imports) or with one. */
function body(world: FuzzWorld, op: FuzzOperation): fc.Arbitrary<{ payload?: string | Buffer; type?: string }> {
  const json = op.operation.requestBody?.content['application/json']?.schema
  if (json) {
    const asJson = (value: unknown) => ({ payload: JSON.stringify(value) ?? '', type: 'application/json' })
    const examples = world.examples[nameOf(op)] ?? []
    const special = op.path.endsWith('/seal-verifications') ? [verificationBody(world)] : examples.map(mutatedExample)
    return fc.oneof(
      { arbitrary: fuzzed(json, contextOf(world)).map(asJson), weight: special.length ? 4 : 12 },
      ...special.map((arbitrary) => ({ arbitrary: arbitrary.map(asJson), weight: 8 / special.length })),
      {
        arbitrary: fc
          .constantFrom('', '{', '{"a":1}{', '[]', 'null', '"\\u0000"', '{"a":"\\ud800"}', DEEP_ARRAY, DEEP_OBJECT)
          .map((payload) => ({ payload, type: 'application/json' })),
        weight: 1,
      },
    )
  }
  if (op.path.endsWith('/licences/import')) {
    const header = 'uscc,type_code,number,authority,issued_on,expires_on,scope,status'
    const cell = fc.oneof(fc.constantFrom(...world.samples, '2026-01-01', '2030-12-31', 'food-business'), hostileText)
    const csvLine = fc
      .array(cell, { minLength: 7, maxLength: 9 })
      .map((cells) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(','))
    const ndjsonLine = fc
      .dictionary(fc.constantFrom(...header.split(','), 'x'), fc.oneof(cell, anyJson))
      .map((record) => JSON.stringify(record))
    return fc.oneof(
      fc
        .array(csvLine, { maxLength: 4 })
        .map((lines) => ({ payload: [header, ...lines].join('\n'), type: 'text/csv' })),
      fc
        .array(ndjsonLine, { maxLength: 4 })
        .map((lines) => ({ payload: lines.join('\n'), type: 'application/x-ndjson' })),
      nulText.map((payload) => ({ payload, type: 'text/csv' })),
    )
  }
  if (op.path.endsWith('/attachments') && op.method === 'POST') {
    return fc
      .tuple(fc.uint8Array({ maxLength: 64 }), fc.constantFrom('image/jpeg', 'image/png', 'image/webp', 'text/plain'))
      .map(([bytes, type]) => ({ payload: Buffer.from(bytes), type }))
  }
  return fc.oneof(
    fc.constant({}),
    anyJson.map((value) => ({ payload: JSON.stringify(value) ?? '', type: 'application/json' })),
  )
}

/**
 * 验章 of a real signature record whose signed data (canonical JSON, base64) has one field
 * replaced — the seal id by a non-uuid, a date by 9999-12-31… — and re-encoded, so it parses and
 * reaches the database lookups.
 */
function verificationBody(world: FuzzWorld): fc.Arbitrary<unknown> {
  const { record, documentSm3 } = world.signatureRecord
  const tbs = JSON.parse(Buffer.from(String(record.tbs), 'base64').toString('utf8'))
  return mutatedExample(tbs).map((mutated) => {
    let text: string
    try {
      text = canonicalJson(mutated as JsonValue)
    } catch {
      text = JSON.stringify(mutated) ?? ''
    }
    return { signatureRecord: { ...record, tbs: Buffer.from(text, 'utf8').toString('base64') }, documentSm3 }
  })
}

export interface FuzzCase {
  credential: Credential
  request: InjectOptions
}

export function casesFor(world: FuzzWorld, op: FuzzOperation): fc.Arbitrary<FuzzCase> {
  const params = op.operation.parameters ?? []
  const pathParams = params.filter((p) => p.in === 'path')
  const queryParams = params.filter((p) => p.in === 'query')
  const idempotencyKey = fc.option(fc.oneof(fc.uuid(), fc.string({ maxLength: 200 }), nulText), { freq: 3 })
  return fc
    .record({
      credential: credentials(op),
      path: fc.tuple(...pathParams.map((p) => pathValue(world, op, p))),
      query: queryString(world, queryParams),
      body: body(world, op),
      idempotencyKey,
      // Staff steps name the staff member in a percent-encoded header (staff-complaints.ts).
      staffName: fc.option(fc.oneof(fc.oneof(hostileText, fc.constant('张三')).map(encode), rawEncoded), { freq: 2 }),
    })
    .map(({ credential, path, query, body: { payload, type }, idempotencyKey: key, staffName }) => {
      let url = op.path
      pathParams.forEach((param, i) => {
        url = url.replace(`{${param.name}}`, path[i])
      })
      const headers: Record<string, string> = {}
      if (type) headers['content-type'] = type
      if (key !== null) headers['idempotency-key'] = key
      if (staffName !== null && op.path.includes('/staff/')) headers['x-staff-name'] = staffName
      return {
        credential,
        request: {
          method: op.method as InjectOptions['method'],
          url: query ? `${url}?${query}` : url,
          headers,
          payload,
        },
      }
    })
}

/**
 * Row fingerprints of every table, taken only when a transaction id was used since the last look:
 * a request that wrote nothing (committed or not) leaves the next transaction id where it was.
 */
export class WriteWatch {
  private fingerprintSql = ''
  private lastXid = ''
  private lastFingerprint = ''

  constructor(private readonly db: Db) {}

  async start(): Promise<void> {
    const { rows } = await this.db.query<{ name: string }>(
      `select table_name as name from information_schema.tables
       where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
    )
    this.fingerprintSql = rows
      .map(
        ({ name }) =>
          `select '${name}' as t, count(*)::int as n, coalesce(sum(hashtext(x::text)::bigint), 0)::text as h from "${name}" x`,
      )
      .join(' union all ')
    this.lastXid = await this.xid()
    this.lastFingerprint = await this.fingerprint()
  }

  private async xid(): Promise<string> {
    const { rows } = await this.db.query<{ x: string }>('select pg_snapshot_xmax(pg_current_snapshot())::text as x')
    return rows[0].x
  }

  private async fingerprint(): Promise<string> {
    const { rows } = await this.db.query<{ t: string; n: number; h: string }>(this.fingerprintSql)
    return rows.map((row) => `${row.t}:${row.n}:${row.h}`).join('\n')
  }

  /** Call before a request: catches up with whatever was written since the last request. */
  async before(): Promise<void> {
    const xid = await this.xid()
    if (xid === this.lastXid) return
    this.lastXid = xid
    this.lastFingerprint = await this.fingerprint()
  }

  /** Call after a request; returns the tables whose rows changed. */
  async after(): Promise<string[]> {
    const xid = await this.xid()
    if (xid === this.lastXid) return []
    this.lastXid = xid
    const now = await this.fingerprint()
    const before = new Map(this.lastFingerprint.split('\n').map((line) => [line.split(':')[0], line]))
    this.lastFingerprint = now
    return now
      .split('\n')
      .filter((line) => before.get(line.split(':')[0]) !== line)
      .map((line) => line.split(':')[0])
  }
}

/**
 * Refusals that write by design: a wrong signing PIN is counted (and audited) whatever follows,
 * so that guessing locks (server/capabilities/esign/seals/pin.ts); and every request to a rate-limited route is
 * counted in rate_limit_hits before it is validated, refused or not (server/kernel/http/db-rate-limit-store.ts).
 */
const COUNTED_ALWAYS = ['rate_limit_hits']
const COUNTED_REFUSALS: Record<string, string[]> = {
  PIN_INVALID: ['signing_pins', 'seal_audit'],
  PIN_LOCKED: ['signing_pins', 'seal_audit'],
}

/** `{ code, message }` with the message in Chinese, as every refusal of the API is. */
function isApiError(body: string): boolean {
  try {
    const { code, message } = JSON.parse(body)
    return (
      typeof code === 'string' &&
      /^[A-Z_]+$/.test(code) &&
      typeof message === 'string' &&
      /[\u4e00-\u9fff]/.test(message)
    )
  } catch {
    return false
  }
}

function writesOfCountedRefusal(body: string): string[] {
  try {
    return [...COUNTED_ALWAYS, ...(COUNTED_REFUSALS[JSON.parse(body).code] ?? [])]
  } catch {
    return COUNTED_ALWAYS
  }
}

export interface OperationReport {
  operation: string
  sent: number
  statuses: Record<string, number>
  /** 5xx answers, and refused requests that changed rows. */
  failures: string[]
}

function describeCase(fuzzCase: FuzzCase, detail: string): string {
  const { method, url, payload } = fuzzCase.request
  const shown =
    typeof payload === 'string' ? payload.slice(0, 300) : Buffer.isBuffer(payload) ? `<${payload.length} bytes>` : ''
  return `${detail} ← ${method} ${String(url).slice(0, 200)} as ${fuzzCase.credential} ${shown}`
}

async function headersFor(world: FuzzWorld, credential: Credential): Promise<Auth> {
  switch (credential) {
    case 'none':
      return {}
    case 'garbage':
      return { authorization: 'Bearer zqt_not_a_token\u00ff' }
    case 'throwaway':
      return world.throwaway()
    default:
      return world.auth[credential]
  }
}

export async function fuzzOperation(
  world: FuzzWorld,
  watch: WriteWatch,
  op: FuzzOperation,
  runs: number,
  seed: number,
): Promise<OperationReport> {
  const report: OperationReport = { operation: nameOf(op), sent: 0, statuses: {}, failures: [] }
  for (const fuzzCase of fc.sample(casesFor(world, op), { numRuns: runs, seed })) {
    const auth = await headersFor(world, fuzzCase.credential)
    await watch.before()
    const request = { ...fuzzCase.request, headers: { ...fuzzCase.request.headers, ...auth } }
    let status: number
    let responseBody = ''
    try {
      const response = await world.app.inject(request)
      status = response.statusCode
      responseBody = response.body
    } catch {
      // light-my-request refusing to build the request (a header it will not send) is no answer.
      report.statuses.unsent = (report.statuses.unsent ?? 0) + 1
      await watch.after()
      continue
    }
    report.sent++
    report.statuses[status] = (report.statuses[status] ?? 0) + 1
    const changed = await watch.after()
    if (status >= 500) report.failures.push(describeCase(fuzzCase, `${status} ${responseBody.slice(0, 200)}`))
    else if (status >= 400 && !isApiError(responseBody))
      report.failures.push(
        describeCase(fuzzCase, `${status} not in the API's error shape: ${responseBody.slice(0, 200)}`),
      )
    else if (status >= 400 && changed.some((table) => !writesOfCountedRefusal(responseBody).includes(table)))
      report.failures.push(
        describeCase(fuzzCase, `${status} but wrote ${changed.join(', ')}: ${responseBody.slice(0, 200)}`),
      )
  }
  return report
}

/** A stable seed per operation, so a failure reproduces with the same base seed. */
export function seedFor(op: FuzzOperation, base: number): number {
  let hash = base | 0
  for (const c of nameOf(op)) hash = (Math.imul(hash, 31) + c.charCodeAt(0)) | 0
  return hash
}
