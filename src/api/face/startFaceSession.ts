import * as endpoints from '../../contract/esign/endpoints'
import type { FaceSessionStarted, StartFaceSessionRequest } from '../../contract/esign/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** POST /api/v1/face/sessions — opens a face verification with the platform's provider (sandbox on H5). */
export function startFaceSession(client: ApiClient, input: StartFaceSessionRequest): Promise<FaceSessionStarted> {
  return call(client, endpoints.startFaceSession, { body: input })
}
