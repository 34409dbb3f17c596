/**
 * The shape of the ONE wire contract (issue #13 item 2; docs/decisions/0008-typebox-contract.md).
 *
 * Each capability has two files in src/contract/<capability>/:
 * - `schemas.ts`: TypeBox schemas (imports `typebox` as a value). The server imports it at runtime
 *   to validate and serialize; the app imports it ONLY with `import type` (ESLint enforces it), so
 *   no TypeBox code reaches the mini-program bundle.
 * - `endpoints.ts`: one descriptor per operation — method, full path, who may call, and the error
 *   codes it answers with — plain objects the app and the server both import. Each descriptor is
 *   typed with its operation's schemas through `import type { ops } from './schemas'`.
 *
 * This file holds only types and one identity function: it ships in the app.
 */

import type { Static, TSchema } from 'typebox'
import type { ErrorCode } from './errors'

/** Every API route lives under this prefix (the server registers its API plugin there). */
export const API_PREFIX = '/api/v1'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * Who may call: `public` (no token; the client sends none), `session` (a signed-in user's token),
 * `admin` (ADMIN_API_KEY), `system` (an external system's key). The server's route options still
 * attach the actual check (requireUser …); the coverage test holds the two together. `optional`: works
 * without login; the client sends a token it holds, which the route may read (the catalogue's favourites).
 */
export type EndpointAuth = 'public' | 'optional' | 'session' | 'admin' | 'system'

/** The TypeBox schemas of one operation, as `schemas.ts` declares them in its `ops` table. */
export interface OperationSchemas {
  params?: TSchema
  /** Absent: the operation takes no query (unknown parameters are a 400); null: the query is not checked. */
  query?: TSchema | null
  body?: TSchema
  /** The success answers by status (200, 201, 204 …); error answers are the shared ApiError body. */
  response: { [status: number]: TSchema }
  /**
   * The error codes this operation answers with besides the common ones (documentation, checked
   * against the registry by the compiler). Here rather than in the descriptor: the app does not
   * need them, and every byte of the main package counts.
   */
  errors?: readonly ErrorCode[]
}

/** ':enterpriseId' and ':licenceId' of '/api/v1/enterprises/:enterpriseId/licences/:licenceId'. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never

/** The path parameters a path template needs, each a string (the client encodes them). */
export type PathParams<P extends string> = { [K in PathParamNames<P>]: string }

/** What one operation's descriptor says, besides its types. */
export interface EndpointFields<M extends HttpMethod = HttpMethod, P extends string = string> {
  readonly method: M
  /** The full path as the client calls it, with `:name` parameters ('/api/v1/licences/:licenceId'). */
  readonly path: P
  readonly auth: EndpointAuth
}

/** A descriptor: the fields above, typed by its schemas (`schemas` is never set at runtime). */
export interface Endpoint<
  M extends HttpMethod = HttpMethod,
  P extends string = string,
  S extends OperationSchemas = OperationSchemas,
> extends EndpointFields<M, P> {
  readonly schemas?: S
}

type SchemasOf<E> = E extends Endpoint<HttpMethod, string, infer S> ? S : never
type StaticOf<S> = S extends TSchema ? Static<S> : undefined
type SuccessSchema<R> = R extends { 200: infer S }
  ? S
  : R extends { 201: infer S }
    ? S
    : R extends { 204: infer S }
      ? S
      : never

/** The path parameters of a descriptor. */
export type ParamsOf<E extends Endpoint> = PathParams<E['path']>
/** The query of a descriptor (undefined when it takes none). */
export type QueryOf<E extends Endpoint> = StaticOf<SchemasOf<E>['query']>
/** The request body of a descriptor (undefined when it takes none). */
export type BodyOf<E extends Endpoint> = StaticOf<SchemasOf<E>['body']>
/** The success body of a descriptor (its 200, else 201, else 204 answer). */
export type ResponseOf<E extends Endpoint> = StaticOf<SuccessSchema<SchemasOf<E>['response']>>

type MethodOf<R extends string> = R extends `${infer M extends HttpMethod} ${string}` ? M : never
type PathOf<R extends string> = R extends `${HttpMethod} ${infer P}` ? P : never

/**
 * Types a capability's descriptors by its schemas. In `endpoints.ts`:
 *
 *   const endpoint = endpointsOf<typeof ops>()
 *   export const getHealth = /*#__PURE__*\/ endpoint('getHealth', 'GET /api/v1/health', 'public')
 *
 * 'METHOD /path' and the auth (default `session`) keep each descriptor a few bytes in the main
 * package; one export per operation, marked pure, so the app keeps only those it calls (admin
 * operations never reach it). The name must be a key of `ops` (nothing of the schemas exists at
 * runtime).
 */
export function endpointsOf<Ops extends { [name: string]: OperationSchemas }>() {
  return <const K extends keyof Ops & string, const R extends `${HttpMethod} /${string}`>(
    _name: K,
    route: R,
    auth: EndpointAuth = 'session',
  ): Endpoint<MethodOf<R>, PathOf<R>, Ops[K]> => {
    const space = route.indexOf(' ')
    return { method: route.slice(0, space), path: route.slice(space + 1), auth } as Endpoint<
      MethodOf<R>,
      PathOf<R>,
      Ops[K]
    >
  }
}

/** '/api/v1/licences/:licenceId' + { licenceId: 'a b' } → '/api/v1/licences/a%20b'. */
export function fillPath(path: string, params: { [name: string]: string } = {}): string {
  return path.replace(/:([A-Za-z][A-Za-z0-9]*)/g, (_match, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`${path}: no ${name}`)
    return encodeURIComponent(value)
  })
}
