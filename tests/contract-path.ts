import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { ApiClient, HttpMethod, RequestOptions } from '../src/api/client'
import { fillPath, type Endpoint, type PathParamNames } from '../src/contract/endpoint'

/**
 * Tests name contract operations by their descriptors (src/contract/<capability>/endpoints.ts),
 * never by a copied path string (issue #13 item 10): a path that changes changes the tests with
 * it, and tests/server/contract-coverage.test.ts holds every descriptor to the server's route table.
 * - the server suites: `app.inject({ ...requestOf(endpoints.deleteCalendarFeed, { scope: 'all' }), headers })`
 * - the src/api suites: `recordingClient()` refuses any call that is no descriptor's, and
 *   `expectedCall(descriptor, params)` is what calling that descriptor with those params looks like.
 */

type ParamsArgs<E extends Endpoint> = [PathParamNames<E['path']>] extends [never]
  ? [params?: undefined]
  : [params: { [K in PathParamNames<E['path']>]: string }]

/** The method and URL of an inject() for a contract operation (path params encoded, + query). */
export function requestOf<E extends Endpoint>(
  endpoint: E,
  ...[params, query]: [PathParamNames<E['path']>] extends [never]
    ? [params?: undefined, query?: Record<string, string>]
    : [params: { [K in PathParamNames<E['path']>]: string }, query?: Record<string, string>]
): { method: E['method']; url: string } {
  const search = query ? `?${new URLSearchParams(query)}` : ''
  return { method: endpoint.method, url: fillPath(endpoint.path, params) + search }
}

/** The method and path a src/api function sends for `endpoint` called with `params` (encoded). */
export function expectedCall<E extends Endpoint>(
  endpoint: E,
  ...[params]: ParamsArgs<E>
): { method: E['method']; path: string } {
  return { method: endpoint.method, path: fillPath(endpoint.path, params) }
}

const CONTRACT_DIR = join(__dirname, '../src/contract')

/** Every descriptor in src/contract/<capability>/endpoints.ts and *-endpoints.ts, with its name. */
export function describedEndpoints(): { name: string; endpoint: Endpoint }[] {
  const found: { name: string; endpoint: Endpoint }[] = []
  for (const capability of readdirSync(CONTRACT_DIR, { withFileTypes: true })) {
    if (!capability.isDirectory()) continue
    // endpoints.ts, and e.g. reminder-endpoints.ts: descriptors one subpackage alone calls, kept
    // out of a module the main package carries.
    const files = readdirSync(join(CONTRACT_DIR, capability.name)).filter((name) => /(^|-)endpoints\.ts$/.test(name))
    for (const file of files) {
      // One export per operation (endpointsOf); an object of them is also accepted.
      const module = require(join(CONTRACT_DIR, capability.name, file)) as Record<
        string,
        Endpoint | Record<string, Endpoint>
      >
      for (const [name, value] of Object.entries(module)) {
        if (typeof value.method === 'string')
          found.push({ name: `${capability.name}/${name}`, endpoint: value as Endpoint })
        else
          for (const [operation, endpoint] of Object.entries(value as Record<string, Endpoint>))
            found.push({ name: `${capability.name}/${name}.${operation}`, endpoint })
      }
    }
  }
  return found
}

/** A template's matcher: each ':name' stands for one non-empty path segment (already encoded). */
function templatePattern(path: string): RegExp {
  const escaped = path
    .split(/:[A-Za-z][A-Za-z0-9]*/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+')
  return new RegExp(`^${escaped}$`)
}

let matchers: { name: string; method: string; pattern: RegExp }[] | undefined

/** The names of the descriptors a concrete method + path (params filled in) is a call of. */
export function descriptorsMatching(method: string, path: string): string[] {
  matchers ??= describedEndpoints().map(({ name, endpoint }) => ({
    name,
    method: endpoint.method,
    pattern: templatePattern(endpoint.path),
  }))
  return matchers.filter((m) => m.method === method && m.pattern.test(path)).map((m) => m.name)
}

export interface RecordedCall {
  method: HttpMethod
  path: string
  options?: RequestOptions
}

/**
 * An ApiClient that records each request and answers `answer(path)`. A request whose method + path
 * is no descriptor's is refused (the call rejects), so a src/api function that calls a path of its
 * own — a typo, a route the contract does not describe — fails its test here.
 */
export function recordingClient(answer: (path: string) => unknown = () => undefined): {
  client: ApiClient
  calls: RecordedCall[]
} {
  const calls: RecordedCall[] = []
  const client: ApiClient = {
    request: async <T>(method: HttpMethod, path: string, options?: RequestOptions) => {
      calls.push({ method, path, options })
      if (descriptorsMatching(method, path).length === 0)
        throw new Error(`${method} ${path} is no descriptor's (src/contract/<capability>/endpoints.ts)`)
      return answer(path) as T
    },
  }
  return { client, calls }
}
