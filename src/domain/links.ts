/**
 * The app's pages a message can open, and the deep links to them: one table used by the app's
 * route names (src/core/routes.ts) and by every message the server sends (inbox links, WeChat
 * subscribe and Alipay template `page`). Paths as the platforms take them: no leading slash.
 * tests/server/deep-links.test.ts checks each resolves to a page of src/app.config.ts.
 */
export const LINKED_PAGES = {
  licenceDetail: 'packages/licences/pages/detail/index',
  policies: 'packages/policies/pages/list/index',
  policyDetail: 'packages/policies/pages/detail/index',
  complaintDetail: 'packages/complaints/pages/detail/index',
} as const

export type LinkedPage = (typeof LINKED_PAGES)[keyof typeof LINKED_PAGES]

const withId = (page: LinkedPage, id: string) => `${page}?id=${encodeURIComponent(id)}`

/** A licence's detail page (licence reminders). */
export function licenceLink(licenceId: string): string {
  return withId(LINKED_PAGES.licenceDetail, licenceId)
}

/** A policy's detail page (新政策 pushes). */
export function policyLink(policyId: string): string {
  return withId(LINKED_PAGES.policyDetail, policyId)
}

/** The policy list (a digest announcing several policies). */
export const POLICY_LIST_LINK: string = LINKED_PAGES.policies

/** A complaint's detail page (诉求进展 notices). */
export function complaintLink(complaintId: string): string {
  return withId(LINKED_PAGES.complaintDetail, complaintId)
}

// The compliance pages are outside LINKED_PAGES on purpose: that table is in the app's main package
// (src/core/routes.ts), which has no room to spare; these literals are dropped from it as unused.
// tests/server/notices.test.ts holds them to src/app.config.ts and ROUTES.

/** The compliance calendar (a 合规提醒 digest announcing several deadlines). */
export const COMPLIANCE_CALENDAR_LINK = 'packages/compliance/pages/calendar/index'

/** A compliance deadline's detail page (合规提醒 of 年报, 纳税申报, 信用修复): its enterprise, key and day. */
export function complianceItemLink(enterpriseId: string, key: string, date: string): string {
  const query = [`enterpriseId=${encodeURIComponent(enterpriseId)}`, `key=${encodeURIComponent(key)}`]
  return `packages/compliance/pages/detail/index?${query.join('&')}&date=${encodeURIComponent(date)}`
}

// The seal pages likewise (subpackage packages/seals); tests/server/notices.test.ts holds them to ROUTES.

/** An enterprise's 用章报告 of a month ('YYYY-MM'): the monthly report's notice. */
export function sealReportLink(enterpriseId: string, month: string): string {
  return `packages/seals/pages/reports/index?enterpriseId=${encodeURIComponent(enterpriseId)}&month=${encodeURIComponent(month)}`
}

/** An enterprise's 用章记录: an unusual-use 用章提醒. */
export function sealAuditLink(enterpriseId: string): string {
  return `packages/seals/pages/audit/index?enterpriseId=${encodeURIComponent(enterpriseId)}`
}
