import type { ComplianceReminderSettings } from '../../contract/compliance/schemas'
import type { ApiClient } from '../client'

/** GET /api/v1/me/compliance-reminder-settings */
export function getComplianceReminderSettings(client: ApiClient): Promise<ComplianceReminderSettings> {
  return client.request<ComplianceReminderSettings>('GET', '/api/v1/me/compliance-reminder-settings')
}
