import * as endpoints from '../../contract/esign/endpoints'
import type { SealListResponse } from '../../contract/esign/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/enterprises/:id/seals — all seals for the legal representative, granted ones for a handler. */
export function listSeals(client: ApiClient, enterpriseId: string): Promise<SealListResponse> {
  return call(client, endpoints.listSeals, { params: { enterpriseId } })
}
