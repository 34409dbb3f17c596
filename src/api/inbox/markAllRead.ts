import * as endpoints from '../../contract/account/endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

/** POST /api/v1/inbox/read-all */
export function markAllRead(client: ApiClient): Promise<void> {
  return call(client, endpoints.markAllRead) as Promise<unknown> as Promise<void>
}
