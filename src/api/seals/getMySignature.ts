import type { MySignatureResponse } from '../../../server/contract-seals'
import type { ApiClient } from '../client'

/** GET /api/v1/signatures/mine — the caller's live personal signature, or `signature: null`. */
export function getMySignature(client: ApiClient): Promise<MySignatureResponse> {
  return client.request<MySignatureResponse>('GET', '/api/v1/signatures/mine')
}
