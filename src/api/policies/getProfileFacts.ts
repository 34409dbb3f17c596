import type { ProfileFactsView } from '../../../server/contract-policies'
import type { ApiClient } from '../client'

/** GET /api/v1/enterprises/:id/profile-facts — the facts policy matching uses for this enterprise. */
export function getProfileFacts(client: ApiClient, enterpriseId: string): Promise<ProfileFactsView> {
  return client.request<ProfileFactsView>(
    'GET',
    `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/profile-facts`,
  )
}
