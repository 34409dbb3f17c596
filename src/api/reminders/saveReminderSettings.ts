import * as endpoints from '../../contract/account/endpoints'
import type { ReminderSettings } from '../../contract/account/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** PUT /api/v1/me/reminder-settings */
export function saveReminderSettings(client: ApiClient, settings: ReminderSettings): Promise<ReminderSettings> {
  return call(client, endpoints.saveReminderSettings, { body: settings })
}
