import * as endpoints from '../../contract/compliance/reminder-endpoints'
import type { ComplianceReminderSettings } from '../../contract/compliance/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** PUT /api/v1/me/compliance-reminder-settings */
export function saveComplianceReminderSettings(client: ApiClient, settings: ComplianceReminderSettings) {
  return call(client, endpoints.saveComplianceReminderSettings, { body: settings })
}
