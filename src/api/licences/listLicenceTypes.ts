import * as endpoints from '../../contract/licences/endpoints'
import type { LicenceTypeView } from '../../contract/licences/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/licence-types — the catalogue with the city's own types and overrides merged in. */
export function listLicenceTypes(client: ApiClient): Promise<LicenceTypeView[]> {
  return call(client, endpoints.listLicenceTypes)
}
