/**
 * TypeBox pieces every capability's schemas share. Server-side at runtime: the app may import this
 * file (like every schemas.ts) with `import type` only — ESLint enforces it — so TypeBox never
 * reaches the mini-program bundle.
 *
 * Nullable values are written `{ type: [T, 'null'] }` (not anyOf) so that Ajv's errors, which
 * server/kernel/http/validation-messages.ts turns into Chinese, stay the ones the routes gave before.
 */

import { Type, type Static, type TSchema, type TUnsafe } from 'typebox'

/** A bare uuid (the input door checks its form; the `uuid` format is server/kernel/http/input-door.ts's). */
export const Uuid = (options: { description?: string; maxLength?: number } = {}) =>
  Type.String({ format: 'uuid', ...options })

/** A path parameter naming a row: a uuid of at most 36 characters. */
export const IdParam = () => Uuid({ maxLength: 36 })

/** Params of `/…/:enterpriseId/…` (server/kernel/auth/enterprise-access.ts checks the caller's link). */
export const EnterpriseIdParams = Type.Object({ enterpriseId: IdParam() }, { additionalProperties: false })

/** A calendar day, YYYY-MM-DD, a real day in 1900–2100 (the `date` format of the input door). */
export const IsoDay = (options: { description?: string } = {}) => Type.String({ format: 'date', ...options })

/** An ISO 8601 timestamp (the `date-time` format of the input door). */
export const DateTime = (options: { description?: string } = {}) => Type.String({ format: 'date-time', ...options })

type SimpleType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array'

/**
 * `T | null` as `{ ...T, type: [T.type, 'null'] }`, for a schema with a single `type` (string,
 * integer, object …). Keeps T's keywords (format, enum …): Ajv applies `format` to strings only,
 * and an `enum` must list null itself, which this adds.
 */
export function Nullable<T extends TSchema>(
  schema: T,
  options: { description?: string } = {},
): TUnsafe<Static<T> | null> {
  const plain = { ...(schema as unknown as { type?: SimpleType; enum?: unknown[] }) }
  if (typeof plain.type !== 'string') throw new Error('Nullable needs a schema with one `type`')
  const nullable: Record<string, unknown> = { ...plain, ...options, type: [plain.type, 'null'] }
  if (Array.isArray(plain.enum)) nullable.enum = [...plain.enum, null]
  return Type.Unsafe<Static<T> | null>(nullable)
}

/** One of a fixed list of strings — the domain's own constant list, so a status is written once. */
export function StringEnum<const V extends readonly string[]>(values: V, options: { description?: string } = {}) {
  return Type.Unsafe<V[number]>({ type: 'string', enum: [...values], ...options })
}

/** For routes that take no query parameters: unknown ones are an error, not silently ignored. */
export const NoQuery = Type.Object({}, { additionalProperties: false })

/** The body of every non-2xx answer (registered once as `ApiError`; routes refer to it). */
export const ApiErrorSchema = Type.Object(
  {
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  },
  { $id: 'ApiError' },
)

/** A page of a list: `items` and the total, for the list endpoints that page. */
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer({ minimum: 0 }) }, { additionalProperties: false })

/** `?limit=&offset=` of a paged list. */
export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
}

/**
 * A success answer that is not JSON: bytes (or text) of a media type — a PEM certificate, a CRL, a
 * PNG, a DER file, an iCalendar feed, a photo (several types: each listed; a document of its own
 * type: the wildcard type). Written in Fastify's per-content-type form, so the OpenAPI document
 * states the media type, and the serializer (which never touches a Buffer, nor a string sent with
 * a type other than JSON) has nothing to do. The client does not `call()` these: it hands their
 * URL to the platform.
 */
export const Binary = (mediaTypes: string | readonly string[], description: string) =>
  Type.Unsafe<Uint8Array | string>({
    description,
    content: Object.fromEntries(
      [mediaTypes].flat().map((mediaType) => [mediaType, { schema: { type: 'string', format: 'binary' } }]),
    ),
  })
