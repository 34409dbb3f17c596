import type { AcceptSealGrantRequest, SealGrantView } from '../../../server/contract-seals'
import type { ApiClient } from '../client'

/** POST /api/v1/seal-grants/accept — a handler redeems a one-time invite code (links them to the enterprise). */
export function acceptSealGrant(client: ApiClient, input: AcceptSealGrantRequest): Promise<SealGrantView> {
  return client.request<SealGrantView>('POST', '/api/v1/seal-grants/accept', { body: input })
}
