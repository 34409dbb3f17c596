import type { MySealGrantView } from '../../../server/contract-seals'
import type { ApiClient } from '../client'

/** GET /api/v1/me/seal-grants — grants addressed to me: waiting for my answer ('invited') or in force. */
export function listMySealGrants(client: ApiClient): Promise<MySealGrantView[]> {
  return client.request<MySealGrantView[]>('GET', '/api/v1/me/seal-grants')
}
