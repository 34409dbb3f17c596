import { fillPath, type Endpoint, type PathParamNames } from '../../src/contract/endpoint'

/**
 * The method and URL of an inject() for a contract operation (issue #13 item 10): a test names the
 * descriptor (src/contract/<capability>/endpoints.ts) rather than copying its path, so a path that
 * changes changes the tests with it, and tests/server/contract-coverage.test.ts holds the
 * descriptor to the server's route table.
 *
 *   app.inject({ ...requestOf(endpoints.deleteCalendarFeed, { scope: 'all' }), headers })
 */
export function requestOf<E extends Endpoint>(
  endpoint: E,
  ...[params, query]: [PathParamNames<E['path']>] extends [never]
    ? [params?: undefined, query?: Record<string, string>]
    : [params: { [K in PathParamNames<E['path']>]: string }, query?: Record<string, string>]
): { method: E['method']; url: string } {
  const search = query ? `?${new URLSearchParams(query)}` : ''
  return { method: endpoint.method, url: fillPath(endpoint.path, params) + search }
}
