import type { InboxPage } from '../../../server/contract-licences'
import type { ApiClient } from '../client'

/** GET /api/v1/inbox — newest first; `before` is the previous page's nextCursor. */
export function listInbox(client: ApiClient, before?: string): Promise<InboxPage> {
  return client.request<InboxPage>('GET', '/api/v1/inbox', { query: { before } })
}
