import type { EnterpriseProfile, ProfileFactsView } from '../../../server/contract-policies'
import type { ApiClient } from '../client'

/** PUT /api/v1/enterprises/:id/profile-facts — replaces the saved facts as a whole (so it is idempotent). */
export function saveProfileFacts(
  client: ApiClient,
  enterpriseId: string,
  profile: EnterpriseProfile,
): Promise<ProfileFactsView> {
  return client.request<ProfileFactsView>(
    'PUT',
    `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/profile-facts`,
    { body: { profile } },
  )
}
