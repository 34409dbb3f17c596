import type { CreateSealGrantRequest, SealGrantCreated } from '../../../server/contract-seals'
import type { ApiClient } from '../client'

/** POST /api/v1/enterprises/:id/seal-grants — confirmed with the signing PIN or a grant face ticket. */
export function createSealGrant(
  client: ApiClient,
  enterpriseId: string,
  input: CreateSealGrantRequest,
  idempotencyKey?: string,
): Promise<SealGrantCreated> {
  return client.request<SealGrantCreated>(
    'POST',
    `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/seal-grants`,
    { body: input, idempotencyKey },
  )
}
