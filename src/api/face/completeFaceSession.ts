import type { CompleteFaceSessionRequest, FaceTicketIssued } from '../../../server/contract-seals'
import type { ApiClient } from '../client'

/** POST /api/v1/face/sessions/:id/complete — the server asks the provider; a pass yields a one-time ticket. */
export function completeFaceSession(
  client: ApiClient,
  sessionId: string,
  input: CompleteFaceSessionRequest = {},
): Promise<FaceTicketIssued> {
  return client.request<FaceTicketIssued>('POST', `/api/v1/face/sessions/${encodeURIComponent(sessionId)}/complete`, {
    body: input,
  })
}
