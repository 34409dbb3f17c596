import * as endpoints from '../../contract/esign/endpoints'
import type { SealGrantView } from '../../contract/esign/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** DELETE /api/v1/enterprises/:id/seal-grants/:grantId — takes effect at once. */
export function revokeSealGrant(client: ApiClient, enterpriseId: string, grantId: string): Promise<SealGrantView> {
  return call(client, endpoints.revokeSealGrant, { params: { enterpriseId, grantId } })
}
