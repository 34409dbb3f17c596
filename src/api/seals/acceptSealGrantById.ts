import * as endpoints from '../../contract/esign/endpoints'
import type { SealGrantView } from '../../contract/esign/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** POST /api/v1/seal-grants/:grantId/accept — accept a grant made to my phone; only then am I linked as 经办人. */
export function acceptSealGrantById(client: ApiClient, grantId: string): Promise<SealGrantView> {
  return call(client, endpoints.acceptSealGrantById, { params: { grantId } })
}
