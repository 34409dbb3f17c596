import type { LicenceInput, LicenceView } from '../../../server/contract-licences'
import type { ApiClient } from '../client'

/** PUT /api/v1/licences/:id — correct a licence's facts. */
export function updateLicence(client: ApiClient, licenceId: string, input: LicenceInput): Promise<LicenceView> {
  return client.request<LicenceView>('PUT', `/api/v1/licences/${encodeURIComponent(licenceId)}`, { body: input })
}
