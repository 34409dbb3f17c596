import type { ApiClient } from '../client'

/** POST /api/v1/inbox/read-all */
export function markAllRead(client: ApiClient): Promise<void> {
  return client.request<void>('POST', '/api/v1/inbox/read-all')
}
