import type { ReminderSettings } from '../../../server/contract-licences'
import type { ApiClient } from '../client'

/** PUT /api/v1/me/reminder-settings */
export function saveReminderSettings(client: ApiClient, settings: ReminderSettings): Promise<ReminderSettings> {
  return client.request<ReminderSettings>('PUT', '/api/v1/me/reminder-settings', { body: settings })
}
