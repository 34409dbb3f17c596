import type { ApiClient } from '../client'

/**
 * DELETE /api/v1/enterprises/:id/members/:userId — unlinks the person and revokes all their grants
 * at once (legal representative only; repeating it is harmless; never oneself: 409 MEMBER_SELF_REMOVAL).
 */
export function removeEnterpriseMember(client: ApiClient, enterpriseId: string, userId: string): Promise<void> {
  return client.request<void>(
    'DELETE',
    `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/members/${encodeURIComponent(userId)}`,
  )
}
