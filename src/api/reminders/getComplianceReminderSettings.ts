import * as endpoints from '../../contract/compliance/reminder-endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/me/compliance-reminder-settings */
export function getComplianceReminderSettings(client: ApiClient) {
  return call(client, endpoints.getComplianceReminderSettings)
}
