import * as endpoints from '../../contract/compliance/endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

/** DELETE /api/v1/enterprises/:id/compliance/penalties/:penaltyId */
export function deletePenalty(client: ApiClient, enterpriseId: string, penaltyId: string): Promise<void> {
  return call(client, endpoints.deletePenalty, { params: { enterpriseId, penaltyId } }).then(() => undefined)
}
