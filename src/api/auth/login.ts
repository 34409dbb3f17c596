import * as endpoints from '../../contract/account/endpoints'
import type { LoginRequest, LoginResponse } from '../../contract/account/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/**
 * POST /api/v1/auth/login — exchanges a platform login code for a session token.
 * Sent without a token and without the 401 re-login hook (the descriptor's auth is `public`): the
 * hook itself calls this, and a rejected code must surface as LOGIN_CODE_INVALID rather than loop.
 */
export function login(client: ApiClient, request: LoginRequest): Promise<LoginResponse> {
  return call(client, endpoints.login, { body: request })
}
