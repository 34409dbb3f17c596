/** Every page's path, so navigation never carries a typo. Tab pages are opened with switchTab. */
export const ROUTES = {
  workbench: '/pages/workbench/index',
  licences: '/pages/licences/index',
  inbox: '/pages/inbox/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
  privacy: '/packages/account/pages/privacy/index',
  enterprise: '/packages/account/pages/enterprise/index',
  licenceDetail: '/packages/licences/pages/detail/index',
  licenceForm: '/packages/licences/pages/form/index',
  reminderSettings: '/packages/licences/pages/settings/index',
  face: '/packages/seals/pages/face/index',
  seals: '/packages/seals/pages/seals/index',
  sign: '/packages/seals/pages/sign/index',
  verifySeal: '/packages/seals/pages/verify/index',
} as const

export type Route = (typeof ROUTES)[keyof typeof ROUTES]

export const TAB_ROUTES: readonly Route[] = [ROUTES.workbench, ROUTES.licences, ROUTES.inbox, ROUTES.me]
