import * as endpoints from '../../contract/licences/endpoints'
import type { LicenceView } from '../../contract/licences/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** POST /api/v1/licences/:id/renewal-started — 已提交续期: 续期办理中; only the deadline and expiry days remind. */
export function markRenewalStarted(client: ApiClient, licenceId: string): Promise<LicenceView> {
  return call(client, endpoints.markRenewalStarted, { params: { licenceId } })
}
