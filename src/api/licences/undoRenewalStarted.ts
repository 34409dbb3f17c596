import type { LicenceView } from '../../../server/contract-licences'
import type { ApiClient } from '../client'

/** DELETE /api/v1/licences/:id/renewal-started — 撤销「已提交续期」: back to the countdown. */
export function undoRenewalStarted(client: ApiClient, licenceId: string): Promise<LicenceView> {
  return client.request<LicenceView>('DELETE', `/api/v1/licences/${encodeURIComponent(licenceId)}/renewal-started`)
}
