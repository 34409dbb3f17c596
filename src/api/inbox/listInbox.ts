import * as endpoints from '../../contract/account/endpoints'
import type { InboxPage } from '../../contract/account/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/inbox — newest first; `before` is the previous page's nextCursor. */
export function listInbox(client: ApiClient, before?: string): Promise<InboxPage> {
  return call(client, endpoints.listInbox, { query: { before } })
}
