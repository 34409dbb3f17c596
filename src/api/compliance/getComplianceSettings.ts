import type { ComplianceSettingsView } from '../../../server/contract-compliance'
import type { ApiClient } from '../client'

/** GET /api/v1/enterprises/:id/compliance/settings — entity type, tax settings, penalty records, 年报 已报送. */
export function getComplianceSettings(client: ApiClient, enterpriseId: string): Promise<ComplianceSettingsView> {
  return client.request<ComplianceSettingsView>(
    'GET',
    `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/compliance/settings`,
  )
}
