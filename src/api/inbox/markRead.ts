import * as endpoints from '../../contract/account/endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

/** POST /api/v1/inbox/:id/read */
export function markRead(client: ApiClient, messageId: string): Promise<void> {
  return call(client, endpoints.markRead, { params: { id: messageId } }) as Promise<unknown> as Promise<void>
}
