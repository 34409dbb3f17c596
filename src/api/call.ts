import {
  fillPath,
  type BodyOf,
  type Endpoint,
  type PathParamNames,
  type QueryOf,
  type ResponseOf,
} from '../contract/endpoint'
import type { ApiClient, RequestOptions } from './client'

/** What a call over a descriptor takes besides the client: only the parts the operation has. */
export type CallInput<E extends Endpoint> = ([PathParamNames<E['path']>] extends [never]
  ? { params?: undefined }
  : { params: { [K in PathParamNames<E['path']>]: string } }) &
  (undefined extends QueryOf<E> ? { query?: QueryOf<E> } : { query: QueryOf<E> }) &
  (undefined extends BodyOf<E> ? { body?: BodyOf<E> } : { body: BodyOf<E> }) &
  Pick<RequestOptions, 'idempotencyKey' | 'timeoutMs'>

/**
 * One call over a contract descriptor (src/contract/<capability>/endpoints.ts): the method and path
 * come from the descriptor (path parameters encoded with encodeURIComponent), the types from its
 * schemas; a `public` operation sends no token (and a 401 triggers no re-login).
 */
export function call<E extends Endpoint>(
  client: ApiClient,
  endpoint: E,
  ...[input]: Partial<CallInput<E>> extends CallInput<E> ? [input?: CallInput<E>] : [input: CallInput<E>]
): Promise<ResponseOf<E>> {
  const { params, query, body, idempotencyKey, timeoutMs } = (input ?? {}) as {
    params?: { [name: string]: string }
    query?: RequestOptions['query']
    body?: unknown
  } & Pick<RequestOptions, 'idempotencyKey' | 'timeoutMs'>
  const options: RequestOptions = {}
  if (query !== undefined) options.query = query
  if (body !== undefined) options.body = body
  if (idempotencyKey !== undefined) options.idempotencyKey = idempotencyKey
  if (timeoutMs !== undefined) options.timeoutMs = timeoutMs
  if (endpoint.auth === 'public') options.auth = false
  // No options at all is passed as none, as the hand-written calls did.
  const given = Object.keys(options).length > 0 ? options : undefined
  return client.request<ResponseOf<E>>(endpoint.method, fillPath(endpoint.path, params), given)
}
