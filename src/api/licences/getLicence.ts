import type { LicenceView } from '../../../server/contract-licences'
import type { ApiClient } from '../client'

/** GET /api/v1/licences/:id — one licence with its deadline and history (404 if not the user's). */
export function getLicence(client: ApiClient, licenceId: string): Promise<LicenceView> {
  return client.request<LicenceView>('GET', `/api/v1/licences/${encodeURIComponent(licenceId)}`)
}
