import type { ConfirmSignTaskRequest, SignTaskView } from '../../../server/contract-seals'
import type { ApiClient } from '../client'

/** POST /api/v1/sign-tasks/:taskId/confirm — with the signing PIN or a `sign:<taskId>` face ticket. */
export function confirmSignTask(
  client: ApiClient,
  taskId: string,
  input: ConfirmSignTaskRequest,
): Promise<SignTaskView> {
  return client.request<SignTaskView>('POST', `/api/v1/sign-tasks/${encodeURIComponent(taskId)}/confirm`, {
    body: input,
  })
}
