import type { PenaltyInput, PenaltyView } from '../../contract/compliance/schemas'
import * as endpoints from '../../contract/compliance/endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

/** POST /api/v1/enterprises/:id/compliance/penalties — records a penalty; answers its 信用修复 dates. */
export function addPenalty(client: ApiClient, enterpriseId: string, input: PenaltyInput): Promise<PenaltyView> {
  return call(client, endpoints.addPenalty, { params: { enterpriseId }, body: input })
}
