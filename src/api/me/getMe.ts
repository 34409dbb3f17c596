import * as endpoints from '../../contract/account/endpoints'
import type { UserProfile } from '../../contract/account/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/me — the signed-in user's profile (PII masked by the server). */
export function getMe(client: ApiClient): Promise<UserProfile> {
  return call(client, endpoints.getMe)
}
