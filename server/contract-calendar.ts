/**
 * Wire types of the calendar subscription feed (订阅到日历). The app imports this file with
 * `import type` only.
 */

/** What a feed covers: one enterprise (its id) or every enterprise the user may act for. */
export type CalendarFeedScope = 'all' | string

export interface CalendarFeedView {
  scope: CalendarFeedScope
  createdAt: string
}

export interface CalendarFeedList {
  feeds: CalendarFeedView[]
}

/** Answered once, when the feed is created or regenerated: only a hash of the token is kept. */
export interface CalendarFeedCreated extends CalendarFeedView {
  /** https://…/calendar/feed/<token>.ics */
  httpsUrl: string
  /** the same address as webcal://, which calendar apps open as a subscription */
  webcalUrl: string
}

export type CalendarFeedErrorCode = 'CALENDAR_FEED_NOT_FOUND' | 'CALENDAR_FEED_UNAVAILABLE'
