import type { ApiClient } from '../client'

/** DELETE /api/v1/enterprises/:id/compliance/penalties/:penaltyId */
export function deletePenalty(client: ApiClient, enterpriseId: string, penaltyId: string): Promise<void> {
  return client.request<void>(
    'DELETE',
    `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/compliance/penalties/${encodeURIComponent(penaltyId)}`,
  )
}
