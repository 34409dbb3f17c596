import * as endpoints from '../../contract/licences/endpoints'
import type { LicenceListResponse, LicenceStatus } from '../../contract/licences/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/enterprises/:id/licences — the wallet, most urgent first, with counts by status. */
export function listLicences(
  client: ApiClient,
  enterpriseId: string,
  filter: { status?: LicenceStatus; q?: string } = {},
): Promise<LicenceListResponse> {
  return call(client, endpoints.listLicences, {
    params: { enterpriseId },
    query: { status: filter.status, q: filter.q || undefined },
  })
}
