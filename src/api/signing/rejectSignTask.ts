import type { SignTaskView } from '../../../server/contract-seals'
import type { ApiClient } from '../client'

/** POST /api/v1/sign-tasks/:taskId/reject */
export function rejectSignTask(client: ApiClient, taskId: string, reason?: string): Promise<SignTaskView> {
  return client.request<SignTaskView>('POST', `/api/v1/sign-tasks/${encodeURIComponent(taskId)}/reject`, {
    body: reason ? { reason } : {},
  })
}
