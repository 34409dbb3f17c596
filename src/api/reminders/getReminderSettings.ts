import type { ReminderSettings } from '../../../server/contract-licences'
import type { ApiClient } from '../client'

/** GET /api/v1/me/reminder-settings */
export function getReminderSettings(client: ApiClient): Promise<ReminderSettings> {
  return client.request<ReminderSettings>('GET', '/api/v1/me/reminder-settings')
}
