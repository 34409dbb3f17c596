import * as endpoints from '../../contract/licences/endpoints'
import type { LicenceView } from '../../contract/licences/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** DELETE /api/v1/licences/:id/renewal-started — 撤销「已提交续期」: back to the countdown. */
export function undoRenewalStarted(client: ApiClient, licenceId: string): Promise<LicenceView> {
  return call(client, endpoints.undoRenewalStarted, { params: { licenceId } })
}
