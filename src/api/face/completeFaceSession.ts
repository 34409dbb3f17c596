import * as endpoints from '../../contract/esign/endpoints'
import type { CompleteFaceSessionRequest, FaceTicketIssued } from '../../contract/esign/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** POST /api/v1/face/sessions/:id/complete — the server asks the provider; a pass yields a one-time ticket. */
export function completeFaceSession(
  client: ApiClient,
  sessionId: string,
  input: CompleteFaceSessionRequest = {},
): Promise<FaceTicketIssued> {
  return call(client, endpoints.completeFaceSession, { params: { sessionId }, body: input })
}
