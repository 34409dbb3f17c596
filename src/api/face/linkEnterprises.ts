import type { LinkEnterprisesResponse } from '../../../server/contract-seals'
import type { ApiClient } from '../client'

/** POST /api/v1/face/link-enterprises — links every enterprise the verified person legally represents. */
export function linkEnterprises(client: ApiClient, ticket: string): Promise<LinkEnterprisesResponse> {
  return client.request<LinkEnterprisesResponse>('POST', '/api/v1/face/link-enterprises', { body: { ticket } })
}
