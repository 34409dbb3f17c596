import * as endpoints from '../../contract/esign/endpoints'
import type { MySignatureResponse } from '../../contract/esign/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/signatures/mine — the caller's live personal signature, or `signature: null`. */
export function getMySignature(client: ApiClient): Promise<MySignatureResponse> {
  return call(client, endpoints.getMySignature)
}
