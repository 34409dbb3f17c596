import type { LicenceView, RenewedLicenceInput } from '../../../server/contract-licences'
import type { ApiClient } from '../client'

/** POST /api/v1/licences/:id/renewed — 已换新证: the new certificate replaces the old, which moves to history. */
export function recordRenewal(client: ApiClient, licenceId: string, input: RenewedLicenceInput): Promise<LicenceView> {
  return client.request<LicenceView>('POST', `/api/v1/licences/${encodeURIComponent(licenceId)}/renewed`, {
    body: input,
  })
}
