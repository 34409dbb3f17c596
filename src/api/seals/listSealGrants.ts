import * as endpoints from '../../contract/esign/endpoints'
import type { SealGrantView } from '../../contract/esign/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/enterprises/:id/seal-grants — legal representative only. */
export function listSealGrants(client: ApiClient, enterpriseId: string): Promise<SealGrantView[]> {
  return call(client, endpoints.listSealGrants, { params: { enterpriseId } })
}
