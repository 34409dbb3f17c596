import type { LicenceListResponse, LicenceStatus } from '../../../server/contract-licences'
import type { ApiClient } from '../client'

/** GET /api/v1/enterprises/:id/licences — the wallet, most urgent first, with counts by status. */
export function listLicences(
  client: ApiClient,
  enterpriseId: string,
  filter: { status?: LicenceStatus; q?: string } = {},
): Promise<LicenceListResponse> {
  return client.request<LicenceListResponse>(
    'GET',
    `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/licences`,
    {
      query: { status: filter.status, q: filter.q || undefined },
    },
  )
}
