import * as endpoints from '../../contract/esign/endpoints'
import type { SignTaskPreview } from '../../contract/esign/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** POST /api/v1/sign-tasks/scan — claims the task for this user and returns what would be signed. */
export function scanSignTask(client: ApiClient, ticket: string): Promise<SignTaskPreview> {
  return call(client, endpoints.scanSignTask, { body: { ticket } })
}
