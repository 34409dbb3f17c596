import * as endpoints from '../../contract/account/endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

/** POST /api/v1/auth/logout — revokes the current token on the server (204). */
export async function logout(client: ApiClient): Promise<void> {
  await call(client, endpoints.logout)
}
