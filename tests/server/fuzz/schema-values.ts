import fc from 'fast-check'
import { anyJson, badDate, badInstant, badUuid, hostileText, oddNumber } from './hostile-values'

/**
 * Values for an OpenAPI (3.0, as @fastify/swagger writes it) schema: `shaped` has the schema's
 * shape with legitimate but awkward content (often valid, so the handler runs); `fuzzed` is mostly
 * that with one part broken — a wrong type, hostile text, a missing or extra field — anywhere in
 * the tree.
 */

export interface JsonSchema {
  type?: string | string[]
  nullable?: boolean
  enum?: unknown[]
  format?: string
  pattern?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  items?: JsonSchema
  minItems?: number
  maxItems?: number
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  oneOf?: JsonSchema[]
  anyOf?: JsonSchema[]
}

export interface ValueContext {
  /** Ids that exist (enterprises, licences, seals…), so a uuid field sometimes finds a row. */
  knownIds: string[]
  /** Values that pass the domain's own checks (a demo USCC, phone, ID number, name…). */
  samples: string[]
  /** 'YYYY-MM-DD', the app's pinned today. */
  today: string
}

const MAX_DEPTH = 6

function dateAround(today: string): fc.Arbitrary<string> {
  const base = Date.parse(`${today}T00:00:00Z`)
  return fc
    .integer({ min: -3 * 365, max: 12 * 365 })
    .map((days) => new Date(base + days * 86_400_000).toISOString().slice(0, 10))
}

function shapedString(schema: JsonSchema, ctx: ValueContext): fc.Arbitrary<string> {
  if (schema.format === 'uuid')
    return ctx.knownIds.length ? fc.oneof(fc.constantFrom(...ctx.knownIds), fc.uuid()) : fc.uuid()
  if (schema.format === 'date') return fc.oneof(dateAround(ctx.today), fc.constant(ctx.today))
  if (schema.format === 'date-time')
    return fc
      .tuple(dateAround(ctx.today), fc.integer({ min: 0, max: 86_399_999 }))
      .map(([date, ms]) => new Date(Date.parse(`${date}T00:00:00Z`) + ms).toISOString())
  const maxLength = Math.min(schema.maxLength ?? 40, 40)
  const minLength = Math.min(schema.minLength ?? 0, maxLength)
  if (schema.pattern) {
    try {
      return fc
        .stringMatching(new RegExp(schema.pattern))
        .filter((text) => text.length >= minLength && text.length <= (schema.maxLength ?? Infinity))
    } catch {
      // a pattern fast-check cannot generate from: plain text below
    }
  }
  const plain = fc.oneof(
    fc.string({ minLength, maxLength, unit: 'grapheme' }),
    fc.string({ minLength, maxLength, unit: 'grapheme-ascii' }),
  )
  return ctx.samples.length ? fc.oneof({ arbitrary: plain, weight: 3 }, fc.constantFrom(...ctx.samples)) : plain
}

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type
  if (schema.type) return [schema.type]
  if (schema.properties) return ['object']
  return []
}

export function shaped(schema: JsonSchema, ctx: ValueContext, depth = 0): fc.Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return fc.constant(null)
  if (schema.enum) return fc.constantFrom(...schema.enum)
  const alternatives = schema.oneOf ?? schema.anyOf
  if (alternatives) return fc.oneof(...alternatives.map((alt) => shaped(alt, ctx, depth + 1)))
  const types = typesOf(schema)
  if (types.length === 0) return anyJson
  const arbitraries = types.map((type): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'string':
        return shapedString(schema, ctx)
      case 'integer':
        return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1_000_000 })
      case 'number':
        return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e9, noNaN: true })
      case 'boolean':
        return fc.boolean()
      case 'null':
        return fc.constant(null)
      case 'array':
        return fc.array(shaped(schema.items ?? {}, ctx, depth + 1), {
          minLength: schema.minItems ?? 0,
          maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 4, 4)),
        })
      case 'object':
        return shapedObject(schema, ctx, depth)
      default:
        return anyJson
    }
  })
  if (schema.nullable) arbitraries.push(fc.constant(null))
  return arbitraries.length === 1 ? arbitraries[0] : fc.oneof(...arbitraries)
}

function shapedObject(schema: JsonSchema, ctx: ValueContext, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {}
  const keys = Object.keys(properties)
  if (keys.length === 0) {
    if (typeof schema.additionalProperties === 'object') {
      return fc.dictionary(fc.string({ maxLength: 12 }), shaped(schema.additionalProperties, ctx, depth + 1), {
        maxKeys: 4,
      })
    }
    return fc.oneof(fc.constant({}), anyJson)
  }
  const model = Object.fromEntries(keys.map((key) => [key, shaped(properties[key], ctx, depth + 1)]))
  return fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) })
}

/** A value where the schema's type is wrong or its text is hostile. */
export function broken(schema: JsonSchema): fc.Arbitrary<unknown> {
  const types = typesOf(schema)
  const hostile: fc.Arbitrary<unknown>[] = [anyJson]
  if (types.includes('string')) {
    hostile.push(hostileText, hostileText)
    if (schema.format === 'uuid') hostile.push(badUuid, badUuid)
    if (schema.format === 'date') hostile.push(badDate, badDate)
    if (schema.format === 'date-time') hostile.push(badInstant)
  }
  if (types.includes('integer') || types.includes('number')) hostile.push(oddNumber, fc.double())
  if (types.includes('array'))
    hostile.push(
      fc.array(hostileText, { minLength: 1, maxLength: 3 }),
      fc.constant(Array.from({ length: 300 }, () => 1)),
    )
  return fc.oneof(...hostile)
}

/** Shaped, with one thing broken somewhere in it (or nothing, or everything). */
export function fuzzed(schema: JsonSchema, ctx: ValueContext, depth = 0): fc.Arbitrary<unknown> {
  const whole = shaped(schema, ctx, depth)
  const options: fc.WeightedArbitrary<unknown>[] = [
    { arbitrary: whole, weight: 2 },
    { arbitrary: broken(schema), weight: 2 },
  ]
  const properties = schema.properties ?? {}
  const keys = Object.keys(properties)
  if (keys.length > 0 && depth < MAX_DEPTH) {
    const oneFieldBroken = fc
      .tuple(whole, fc.constantFrom(...keys))
      .chain(([base, key]) =>
        fuzzed(properties[key], ctx, depth + 1).map((value) => ({ ...(base as object), [key]: value })),
      )
    options.push({ arbitrary: oneFieldBroken, weight: 6 })
    if (schema.required?.length) {
      const missing = fc.tuple(whole, fc.constantFrom(...schema.required)).map(([base, key]) => {
        const copy = { ...(base as Record<string, unknown>) }
        delete copy[key]
        return copy
      })
      options.push({ arbitrary: missing, weight: 1 })
    }
    const extraKey = fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'constructor', 'a\u0000b'))
    options.push({
      arbitrary: fc
        .tuple(whole, extraKey, anyJson)
        .map(([base, key, value]) => ({ ...(base as object), [key]: value })),
      weight: 1,
    })
  }
  if (schema.items && depth < MAX_DEPTH) {
    options.push({
      arbitrary: fc.array(fuzzed(schema.items, ctx, depth + 1), { minLength: 1, maxLength: 3 }),
      weight: 3,
    })
  }
  return fc.oneof(...options)
}

type Path = (string | number)[]

function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path)
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...path, i], out))
  else if (value && typeof value === 'object')
    Object.entries(value).forEach(([key, item]) => pathsOf(item, [...path, key], out))
  return out
}

function replaceAt(value: unknown, path: Path, replacement: unknown | typeof REMOVE): unknown {
  if (path.length === 0) return replacement
  const [head, ...rest] = path
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) }
  const next = replaceAt(copy[head], rest, replacement)
  if (next === REMOVE) {
    if (Array.isArray(copy)) copy.splice(head as number, 1)
    else delete copy[head]
  } else copy[head] = next
  return copy
}

const REMOVE = Symbol('remove')

/**
 * A known-good request body (for routes whose schema says only "object", like a policy) with one
 * node — a leaf or a whole branch — replaced by something hostile, or removed.
 */
export function mutatedExample(example: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(example)
  const replacement = fc.oneof(hostileText, badDate, badInstant, badUuid, anyJson, oddNumber, fc.constant(REMOVE))
  return fc.oneof(
    { arbitrary: fc.constant(example), weight: 1 },
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...paths), replacement)
        .map(([path, value]) => replaceAt(example, path, path.length === 0 && value === REMOVE ? {} : value)),
      weight: 8,
    },
  )
}
