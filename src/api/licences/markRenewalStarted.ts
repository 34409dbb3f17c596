import type { LicenceView } from '../../../server/contract-licences'
import type { ApiClient } from '../client'

/** POST /api/v1/licences/:id/renewal-started — 已提交续期: 续期办理中; only the deadline and expiry days remind. */
export function markRenewalStarted(client: ApiClient, licenceId: string): Promise<LicenceView> {
  return client.request<LicenceView>('POST', `/api/v1/licences/${encodeURIComponent(licenceId)}/renewal-started`)
}
