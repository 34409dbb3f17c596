import * as endpoints from '../../contract/compliance/reminder-endpoints'
import { call } from '../call'
import type { ApiClient } from '../client'

/** GET /api/v1/me/calendar-feeds — the user's feeds, without their links (shown only when made). */
export function listCalendarFeeds(client: ApiClient) {
  return call(client, endpoints.listCalendarFeeds)
}
