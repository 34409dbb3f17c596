import * as endpoints from '../../contract/esign/endpoints'
import type { MySealGrantView } from '../../contract/esign/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/me/seal-grants — grants addressed to me: waiting for my answer ('invited') or in force. */
export function listMySealGrants(client: ApiClient): Promise<MySealGrantView[]> {
  return call(client, endpoints.listMySealGrants)
}
