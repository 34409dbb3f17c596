import type { ApiClient } from '../client'

/** POST /api/v1/inbox/:id/read */
export function markRead(client: ApiClient, messageId: string): Promise<void> {
  return client.request<void>('POST', `/api/v1/inbox/${encodeURIComponent(messageId)}/read`)
}
