import * as endpoints from '../../contract/esign/endpoints'
import type { AcceptSealGrantRequest, SealGrantView } from '../../contract/esign/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** POST /api/v1/seal-grants/accept — a handler redeems a one-time invite code (links them to the enterprise). */
export function acceptSealGrant(client: ApiClient, input: AcceptSealGrantRequest): Promise<SealGrantView> {
  return call(client, endpoints.acceptSealGrant, { body: input })
}
