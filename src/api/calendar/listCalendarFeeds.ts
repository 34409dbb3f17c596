import type { CalendarFeedList } from '../../contract/compliance/schemas'
import type { ApiClient } from '../client'

/** GET /api/v1/me/calendar-feeds — the user's feeds, without their links (shown only when made). */
export function listCalendarFeeds(client: ApiClient): Promise<CalendarFeedList> {
  return client.request<CalendarFeedList>('GET', '/api/v1/me/calendar-feeds')
}
