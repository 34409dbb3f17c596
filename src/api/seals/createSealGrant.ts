import * as endpoints from '../../contract/esign/endpoints'
import type { CreateSealGrantRequest, SealGrantCreated } from '../../contract/esign/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** POST /api/v1/enterprises/:id/seal-grants — confirmed with the signing PIN or a grant face ticket. */
export function createSealGrant(
  client: ApiClient,
  enterpriseId: string,
  input: CreateSealGrantRequest,
  idempotencyKey?: string,
): Promise<SealGrantCreated> {
  return call(client, endpoints.createSealGrant, { params: { enterpriseId }, body: input, idempotencyKey })
}
