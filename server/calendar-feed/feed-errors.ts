import type { CalendarFeedErrorCode } from '../contract-calendar'

/** Default HTTP status and Chinese message of the calendar feed's error codes (merged into ERROR_DEFAULTS). */
export const CALENDAR_FEED_ERROR_DEFAULTS: Record<CalendarFeedErrorCode, { status: number; message: string }> = {
  CALENDAR_FEED_NOT_FOUND: { status: 404, message: '日历订阅链接无效或已停用，请在政企通中重新生成' },
  // Production without PUBLIC_BASE_URL: no link could be built that users can reach (fail closed).
  CALENDAR_FEED_UNAVAILABLE: { status: 503, message: '日历订阅暂未开通，请稍后再试' },
}
