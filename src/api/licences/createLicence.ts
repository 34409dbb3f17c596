import * as endpoints from '../../contract/licences/endpoints'
import type { LicenceInput, LicenceView } from '../../contract/licences/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** POST /api/v1/enterprises/:id/licences — pass the form's idempotency key so a retry never adds twice. */
export function createLicence(
  client: ApiClient,
  enterpriseId: string,
  input: LicenceInput,
  idempotencyKey?: string,
): Promise<LicenceView> {
  return call(client, endpoints.createLicence, { params: { enterpriseId }, body: input, idempotencyKey })
}
