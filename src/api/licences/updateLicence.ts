import * as endpoints from '../../contract/licences/endpoints'
import type { LicenceInput, LicenceView } from '../../contract/licences/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/**
 * The facts a user may correct, and nothing else: the server refuses any other field (an edit
 * form started from the whole LicenceView once sent `id`, `status`… and every save failed).
 */
export function editableLicenceFacts(licence: LicenceInput): LicenceInput {
  const { typeCode, number, authority, issuedOn, expiresOn, scope } = licence
  return { typeCode, number, authority, issuedOn, expiresOn, scope: scope ?? null }
}

/** PUT /api/v1/licences/:id — correct a licence's facts. */
export function updateLicence(client: ApiClient, licenceId: string, input: LicenceInput): Promise<LicenceView> {
  return call(client, endpoints.updateLicence, { params: { licenceId }, body: editableLicenceFacts(input) })
}
