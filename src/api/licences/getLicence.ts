import * as endpoints from '../../contract/licences/endpoints'
import type { LicenceView } from '../../contract/licences/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/licences/:id — one licence with its deadline and history (404 if not the user's). */
export function getLicence(client: ApiClient, licenceId: string): Promise<LicenceView> {
  return call(client, endpoints.getLicence, { params: { licenceId } })
}
