import type { CalendarFeedCreated, CalendarFeedScope } from '../../contract/compliance/schemas'
import type { ApiClient } from '../client'

/** POST /api/v1/me/calendar-feeds/:scope — a new link for the scope; any older link stops working. */
export function createCalendarFeed(client: ApiClient, scope: CalendarFeedScope): Promise<CalendarFeedCreated> {
  return client.request<CalendarFeedCreated>('POST', `/api/v1/me/calendar-feeds/${encodeURIComponent(scope)}`)
}
