import type { ProfileFactsView } from '../../contract/policies/schemas'
import * as endpoints from '../../contract/policies/endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/enterprises/:id/profile-facts — the facts policy matching uses for this enterprise. */
export function getProfileFacts(client: ApiClient, enterpriseId: string): Promise<ProfileFactsView> {
  return call(client, endpoints.getProfileFacts, { params: { enterpriseId } })
}
