import type { ApiClient } from '../client'

/** POST /api/v1/auth/logout — revokes the current token on the server (204). */
export async function logout(client: ApiClient): Promise<void> {
  await client.request<unknown>('POST', '/api/v1/auth/logout')
}
