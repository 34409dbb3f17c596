import type {
  ContextConfigDefault,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteShorthandOptions,
} from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Static, TSchema } from 'typebox'
import { NoQuery } from '../../../src/contract/common'
import type { Endpoint, EndpointAuth, HttpMethod, OperationSchemas } from '../../../src/contract/endpoint'

/**
 * Registers a route from its contract descriptor (src/contract/<capability>/endpoints.ts) and the
 * operation's TypeBox schemas (…/schemas.ts): the method and path come from the descriptor, the
 * params / querystring / body / response schemas from the schemas — validated by Fastify's Ajv as
 * before (TypeBox emits plain JSON Schema) and typed through the TypeBox type provider. Every
 * route gets its success response schema (the serializer's allow-list) and the shared ApiError
 * body for 4xx / 5xx. docs/architecture.md, "Wire contract", says how to add one.
 */

/** The Fastify schema of an operation, in the shape the type provider reads. */
export interface RouteSchemaOf<S extends OperationSchemas> {
  params: S['params'] extends TSchema ? S['params'] : undefined
  querystring: S['query'] extends TSchema ? S['query'] : S['query'] extends null ? undefined : typeof NoQuery
  body: S['body'] extends TSchema ? S['body'] : undefined
  response: S['response']
}

export type ContractRequest<S extends OperationSchemas> = FastifyRequest<
  RouteGenericInterface,
  RawServerDefault,
  RawRequestDefaultExpression,
  RouteSchemaOf<S>,
  TypeBoxTypeProvider
>

export type ContractReply<S extends OperationSchemas> = FastifyReply<
  RouteGenericInterface,
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  ContextConfigDefault,
  RouteSchemaOf<S>,
  TypeBoxTypeProvider
>

type SuccessSchema<R> = R extends { 200: infer T } ? T : R extends { 201: infer T } ? T : never
/** What a handler returns: the success body (its 200 answer, else 201), or the reply it sent itself. */
export type ContractResult<S extends OperationSchemas> =
  (SuccessSchema<S['response']> extends TSchema ? Static<SuccessSchema<S['response']>> : never) | ContractReply<S>

export type ContractHandler<S extends OperationSchemas> = (
  request: ContractRequest<S>,
  reply: ContractReply<S>,
) => Promise<ContractResult<S>>

/** What the route adds to its descriptor: documentation and hooks, as Fastify's route options. */
export interface ContractRouteOptions extends Pick<
  RouteShorthandOptions,
  'onRequest' | 'preValidation' | 'preHandler' | 'config' | 'bodyLimit' | 'errorHandler'
> {
  summary: string
  tags: string[]
  description?: string
  /** Overrides the security the descriptor's `auth` implies (a route taking a session OR a system key). */
  security?: { [scheme: string]: string[] }[]
}

export const errorResponses = {
  '4xx': { $ref: 'ApiError#' },
  '5xx': { $ref: 'ApiError#' },
} as const

const SECURITY: Record<EndpointAuth, { [scheme: string]: string[] }[] | undefined> = {
  public: undefined,
  optional: [{}, { session: [] }],
  session: [{ session: [] }],
  admin: [{ adminKey: [] }],
  system: [{ systemKey: [] }],
}

function pathParamNames(path: string): string[] {
  return (path.match(/:[A-Za-z][A-Za-z0-9]*/g) ?? []).map((name) => name.slice(1))
}

/** Registers `endpoint` on `app` (a plugin under the API prefix, or the root for paths outside it). */
export function contractRoute<S extends OperationSchemas>(
  app: FastifyInstance,
  endpoint: Endpoint<HttpMethod, string, S>,
  schemas: S,
  options: ContractRouteOptions,
  handler: ContractHandler<S>,
): void {
  const prefix = app.prefix
  if (!endpoint.path.startsWith(prefix)) throw new Error(`${endpoint.path} is not under this plugin's prefix ${prefix}`)
  const url = endpoint.path.slice(prefix.length) || '/'

  // A path parameter without a schema would go unchecked; one in the schema but not the path is a typo.
  const inPath = pathParamNames(endpoint.path).sort()
  const inSchema = Object.keys((schemas.params as { properties?: object } | undefined)?.properties ?? {}).sort()
  if (inPath.join() !== inSchema.join()) {
    throw new Error(`${endpoint.method} ${endpoint.path}: params schema lists [${inSchema}], the path [${inPath}]`)
  }

  const { summary, tags, description, security = SECURITY[endpoint.auth], ...hooks } = options
  app.withTypeProvider<TypeBoxTypeProvider>().route({
    ...hooks,
    method: endpoint.method,
    url,
    schema: {
      tags,
      summary,
      ...(description ? { description } : {}),
      ...(security ? { security } : {}),
      ...(schemas.params ? { params: schemas.params } : {}),
      ...(schemas.query === null ? {} : { querystring: schemas.query ?? NoQuery }),
      ...(schemas.body ? { body: schemas.body } : {}),
      response: { ...schemas.response, ...errorResponses },
    },
    handler: handler as never,
  })
}

/** Answers 204 with no body (the typed reply's `send` wants the schema's `null`; Fastify sends nothing). */
export function noContent<R extends object>(reply: R): R {
  ;(reply as unknown as FastifyReply).code(204).send()
  return reply
}

/** Answers 304 with no body (a conditional GET whose ETag is current), as `noContent` does for 204. */
export function notModified<R extends object>(reply: R): R {
  ;(reply as unknown as FastifyReply).code(304).send()
  return reply
}
