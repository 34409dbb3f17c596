import type { LicenceInput, LicenceView } from '../../../server/contract-licences'
import type { ApiClient } from '../client'

/** POST /api/v1/enterprises/:id/licences — pass the form's idempotency key so a retry never adds twice. */
export function createLicence(
  client: ApiClient,
  enterpriseId: string,
  input: LicenceInput,
  idempotencyKey?: string,
): Promise<LicenceView> {
  return client.request<LicenceView>('POST', `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/licences`, {
    body: input,
    idempotencyKey,
  })
}
