import type { LicenceTypeView } from '../../../server/contract-licences'
import type { ApiClient } from '../client'

/** GET /api/v1/licence-types — the catalogue with the city's own types and overrides merged in. */
export function listLicenceTypes(client: ApiClient): Promise<LicenceTypeView[]> {
  return client.request<LicenceTypeView[]>('GET', '/api/v1/licence-types')
}
