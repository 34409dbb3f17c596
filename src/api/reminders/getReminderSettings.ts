import * as endpoints from '../../contract/account/endpoints'
import type { ReminderSettings } from '../../contract/account/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/me/reminder-settings */
export function getReminderSettings(client: ApiClient): Promise<ReminderSettings> {
  return call(client, endpoints.getReminderSettings)
}
