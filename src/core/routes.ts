import { LINKED_PAGES } from '../domain/links'

/** Every page's path, so navigation never carries a typo. Tab pages are opened with switchTab. */
export const ROUTES = {
  workbench: '/pages/workbench/index',
  licences: '/pages/licences/index',
  inbox: '/pages/inbox/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
  privacy: '/packages/account/pages/privacy/index',
  notFound: '/packages/account/pages/not-found/index',
  enterprise: '/packages/account/pages/enterprise/index',
  enterpriseMembers: '/packages/account/pages/members/index',
  // The pages messages link to: one table with the server's deep links (src/domain/links.ts).
  licenceDetail: `/${LINKED_PAGES.licenceDetail}`,
  licenceForm: '/packages/licences/pages/form/index',
  reminderSettings: '/packages/licences/pages/settings/index',
  licenceExport: '/packages/licences/pages/export/index',
  face: '/packages/seals/pages/face/index',
  seals: '/packages/seals/pages/seals/index',
  sign: '/packages/seals/pages/sign/index',
  verifySeal: '/packages/seals/pages/verify/index',
  signatureClaim: '/packages/seals/pages/signature/index',
  sealAudit: '/packages/seals/pages/audit/index',
  sealReports: '/packages/seals/pages/reports/index',
  inviteAccept: '/packages/seals/pages/invite/index',
  policies: `/${LINKED_PAGES.policies}`,
  policyDetail: `/${LINKED_PAGES.policyDetail}`,
  policyCalculator: '/packages/policies/pages/calculator/index',
  complaintNew: '/packages/complaints/pages/new/index',
  complaints: '/packages/complaints/pages/list/index',
  complaintDetail: `/${LINKED_PAGES.complaintDetail}`,
  complaintQuery: '/packages/complaints/pages/query/index',
  compliance: '/packages/compliance/pages/calendar/index',
  complianceDetail: '/packages/compliance/pages/detail/index',
  complianceSettings: '/packages/compliance/pages/settings/index',
} as const

export type Route = (typeof ROUTES)[keyof typeof ROUTES]

export const TAB_ROUTES: readonly Route[] = [ROUTES.workbench, ROUTES.licences, ROUTES.inbox, ROUTES.me]
