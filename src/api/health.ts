import * as endpoints from '../contract/account/endpoints'
import type { HealthResponse } from '../contract/account/schemas'
import { call } from './call'
import type { ApiClient } from './client'

/** GET /api/v1/health — liveness and which database the server runs on. */
export function getHealth(client: ApiClient): Promise<HealthResponse> {
  return call(client, endpoints.getHealth)
}
