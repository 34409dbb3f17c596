import type { LicenceView } from '../../../server/contract-licences'
import type { ApiClient } from '../client'

/** POST /api/v1/licences/:id/renewal-started — 已提交续期: status becomes 续期办理中, reminders stop. */
export function markRenewalStarted(client: ApiClient, licenceId: string): Promise<LicenceView> {
  return client.request<LicenceView>('POST', `/api/v1/licences/${encodeURIComponent(licenceId)}/renewal-started`)
}
