import type { HealthResponse } from '../../server/contract'
import type { ApiClient } from './client'

/** GET /api/v1/health — liveness and which database the server runs on. */
export function getHealth(client: ApiClient): Promise<HealthResponse> {
  return client.request<HealthResponse>('GET', '/api/v1/health', { auth: false })
}
