import type { EnterpriseProfile, ProfileFactsView } from '../../contract/policies/schemas'
import * as endpoints from '../../contract/policies/endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

/** PUT /api/v1/enterprises/:id/profile-facts — replaces the saved facts as a whole (so it is idempotent). */
export function saveProfileFacts(
  client: ApiClient,
  enterpriseId: string,
  profile: EnterpriseProfile,
): Promise<ProfileFactsView> {
  return call(client, endpoints.saveProfileFacts, { params: { enterpriseId }, body: { profile } })
}
