import * as endpoints from '../../contract/esign/endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

/**
 * DELETE /api/v1/enterprises/:id/members/:userId — unlinks the person and revokes all their grants
 * at once (legal representative only; repeating it is harmless; never oneself: 409 MEMBER_SELF_REMOVAL).
 */
export function removeEnterpriseMember(client: ApiClient, enterpriseId: string, userId: string): Promise<void> {
  return call(client, endpoints.removeEnterpriseMember, {
    params: { enterpriseId, userId },
  }) as Promise<unknown> as Promise<void>
}
