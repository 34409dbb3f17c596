import type { ComplianceReminderSettings } from '../../contract/compliance/schemas'
import type { ApiClient } from '../client'

/** PUT /api/v1/me/compliance-reminder-settings */
export function saveComplianceReminderSettings(
  client: ApiClient,
  settings: ComplianceReminderSettings,
): Promise<ComplianceReminderSettings> {
  return client.request<ComplianceReminderSettings>('PUT', '/api/v1/me/compliance-reminder-settings', {
    body: settings,
  })
}
