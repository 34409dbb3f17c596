import type { FaceSessionStarted, StartFaceSessionRequest } from '../../../server/contract-seals'
import type { ApiClient } from '../client'

/** POST /api/v1/face/sessions — opens a face verification with the platform's provider (sandbox on H5). */
export function startFaceSession(client: ApiClient, input: StartFaceSessionRequest): Promise<FaceSessionStarted> {
  return client.request<FaceSessionStarted>('POST', '/api/v1/face/sessions', { body: input })
}
