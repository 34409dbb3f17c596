import type { PenaltyInput, PenaltyView } from '../../../server/contract-compliance'
import type { ApiClient } from '../client'

/** POST /api/v1/enterprises/:id/compliance/penalties — records a penalty; answers its 信用修复 dates. */
export function addPenalty(client: ApiClient, enterpriseId: string, input: PenaltyInput): Promise<PenaltyView> {
  return client.request<PenaltyView>(
    'POST',
    `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/compliance/penalties`,
    { body: input },
  )
}
