import * as endpoints from '../../contract/compliance/reminder-endpoints'
import type { CalendarFeedScope } from '../../contract/compliance/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** POST /api/v1/me/calendar-feeds/:scope — a new link for the scope; any older link stops working. */
export function createCalendarFeed(client: ApiClient, scope: CalendarFeedScope) {
  return call(client, endpoints.createCalendarFeed, { params: { scope } })
}
