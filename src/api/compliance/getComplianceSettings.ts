import type { ComplianceSettingsView } from '../../contract/compliance/schemas'
import * as endpoints from '../../contract/compliance/endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/enterprises/:id/compliance/settings — entity type, tax settings, penalty records, 年报 已报送. */
export function getComplianceSettings(client: ApiClient, enterpriseId: string): Promise<ComplianceSettingsView> {
  return call(client, endpoints.getSettings, { params: { enterpriseId } })
}
