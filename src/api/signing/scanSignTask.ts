import type { SignTaskPreview } from '../../../server/contract-seals'
import type { ApiClient } from '../client'

/** POST /api/v1/sign-tasks/scan — claims the task for this user and returns what would be signed. */
export function scanSignTask(client: ApiClient, ticket: string): Promise<SignTaskPreview> {
  return client.request<SignTaskPreview>('POST', '/api/v1/sign-tasks/scan', { body: { ticket } })
}
