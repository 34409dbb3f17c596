import * as endpoints from '../../contract/licences/endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

/** DELETE /api/v1/licences/:id */
export function deleteLicence(client: ApiClient, licenceId: string): Promise<void> {
  return call(client, endpoints.deleteLicence, { params: { licenceId } }) as Promise<unknown> as Promise<void>
}
