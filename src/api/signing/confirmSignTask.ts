import * as endpoints from '../../contract/esign/endpoints'
import type { ConfirmSignTaskRequest, SignTaskView } from '../../contract/esign/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** POST /api/v1/sign-tasks/:taskId/confirm — with the signing PIN or a `sign:<taskId>` face ticket. */
export function confirmSignTask(
  client: ApiClient,
  taskId: string,
  input: ConfirmSignTaskRequest,
): Promise<SignTaskView> {
  return call(client, endpoints.confirmSignTask, { params: { taskId }, body: input })
}
