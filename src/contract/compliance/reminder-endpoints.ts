/**
 * The compliance operations that only the 许证闹钟 subpackage calls (its reminder-settings and
 * calendar-export pages) and the feed calendar apps read. A file of their own: a descriptor module
 * that several subpackages import is hoisted into the main package whole (mini.optimizeMainPackage),
 * so these stay in packages/licences (0.5 KB of the main package on 2026-12-05). Types from ./schemas.ts.
 */
import { endpointsOf } from '../endpoint'
import type { ops } from './schemas'

const endpoint = /*#__PURE__*/ endpointsOf<typeof ops>()

// 合规提醒 settings (the user's switches per kind)
export const getComplianceReminderSettings = /*#__PURE__*/ endpoint(
  'getComplianceReminderSettings',
  'GET /api/v1/me/compliance-reminder-settings',
)
export const saveComplianceReminderSettings = /*#__PURE__*/ endpoint(
  'saveComplianceReminderSettings',
  'PUT /api/v1/me/compliance-reminder-settings',
)
// 订阅到日历
export const listCalendarFeeds = /*#__PURE__*/ endpoint('listCalendarFeeds', 'GET /api/v1/me/calendar-feeds')
/** Besides the common errors: CALENDAR_FEED_UNAVAILABLE. */
export const createCalendarFeed = /*#__PURE__*/ endpoint('createCalendarFeed', 'POST /api/v1/me/calendar-feeds/:scope')
/** Besides the common errors: CALENDAR_FEED_NOT_FOUND. */
export const deleteCalendarFeed = /*#__PURE__*/ endpoint(
  'deleteCalendarFeed',
  'DELETE /api/v1/me/calendar-feeds/:scope',
)
/** The feed a calendar app reads (iCalendar, not JSON; outside /api/v1): the link's token is the credential. */
export const getCalendarFeed = /*#__PURE__*/ endpoint('getCalendarFeed', 'GET /calendar/feed/:file', 'public')
