import type { ComplianceSettingsInput, ComplianceSettingsView } from '../../contract/compliance/schemas'
import * as endpoints from '../../contract/compliance/endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

/** PUT /api/v1/enterprises/:id/compliance/settings — entity type and tax settings (null: no tax items). */
export function saveComplianceSettings(
  client: ApiClient,
  enterpriseId: string,
  input: ComplianceSettingsInput,
): Promise<ComplianceSettingsView> {
  return call(client, endpoints.saveSettings, { params: { enterpriseId }, body: input })
}
