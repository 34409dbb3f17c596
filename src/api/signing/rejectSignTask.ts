import * as endpoints from '../../contract/esign/endpoints'
import type { SignTaskView } from '../../contract/esign/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** POST /api/v1/sign-tasks/:taskId/reject */
export function rejectSignTask(client: ApiClient, taskId: string, reason?: string): Promise<SignTaskView> {
  return call(client, endpoints.rejectSignTask, { params: { taskId }, body: reason ? { reason } : {} })
}
