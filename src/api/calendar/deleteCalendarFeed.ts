import * as endpoints from '../../contract/compliance/reminder-endpoints'
import type { CalendarFeedScope } from '../../contract/compliance/schemas'
import { call } from '../call'
import type { ApiClient } from '../client'

/** DELETE /api/v1/me/calendar-feeds/:scope — stops the subscription: its link answers 404 from now on. */
export function deleteCalendarFeed(client: ApiClient, scope: CalendarFeedScope): Promise<void> {
  return call(client, endpoints.deleteCalendarFeed, { params: { scope } }) as Promise<unknown> as Promise<void>
}
