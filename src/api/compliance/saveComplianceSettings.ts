import type { ComplianceSettingsInput, ComplianceSettingsView } from '../../../server/contract-compliance'
import type { ApiClient } from '../client'

/** PUT /api/v1/enterprises/:id/compliance/settings — entity type and tax settings (null: no tax items). */
export function saveComplianceSettings(
  client: ApiClient,
  enterpriseId: string,
  input: ComplianceSettingsInput,
): Promise<ComplianceSettingsView> {
  return client.request<ComplianceSettingsView>(
    'PUT',
    `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/compliance/settings`,
    { body: input },
  )
}
