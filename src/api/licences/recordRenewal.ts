import * as endpoints from '../../contract/licences/endpoints'
import type { LicenceView, RenewedLicenceInput } from '../../contract/licences/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** POST /api/v1/licences/:id/renewed — 已换新证: the new certificate replaces the old, which moves to history. */
export function recordRenewal(client: ApiClient, licenceId: string, input: RenewedLicenceInput): Promise<LicenceView> {
  return call(client, endpoints.recordRenewal, { params: { licenceId }, body: input })
}
