import type { CalendarFeedScope } from '../../contract/compliance/schemas'
import type { ApiClient } from '../client'

/** DELETE /api/v1/me/calendar-feeds/:scope — stops the subscription: its link answers 404 from now on. */
export function deleteCalendarFeed(client: ApiClient, scope: CalendarFeedScope): Promise<void> {
  return client.request<void>('DELETE', `/api/v1/me/calendar-feeds/${encodeURIComponent(scope)}`)
}
