/**
 * The app's pages, in one place: for the main package its tab pages and login, and for each
 * capability its subpackage root and pages, each with its route name (src/core/routes.ts), and
 * below, by route name, its title (the page's navigationBarTitleText; a tab's label is its page's
 * title). Pure data — no Taro, no React — because the build evaluates it too: src/app.config.ts is
 * generated from it, and each page's index.config.ts takes its title from it. Adding a page is an
 * edit of this file (its entry and its title: the type of TITLES asks for one per route name) plus
 * the page's folder; tests/scripts/manifest.test.ts checks that every page folder is listed and every
 * listed page exists.
 *
 * The titles are a table of their own so the app's bundle, which reads the routes, carries none of
 * them (only the build's page configs read TITLES): the main package is budgeted (npm run size).
 * Order matters: the first main page is what the app opens (config/index.ts HOME_ROUTE), and the
 * order of pages and subpackages is the order of app.json.
 */

export interface ManifestPage {
  /** The route's name in ROUTES (src/core/routes.ts) and TITLES. */
  readonly name: string
  /** The page's path inside its package, as app.json lists it ('pages/list/index'). */
  readonly path: string
}

export interface Capability {
  /** The subpackage root, 'packages/<folder>': one folder under src/packages. */
  readonly root: string
  readonly pages: readonly ManifestPage[]
}

/**
 * The main package: the tab pages (in tab-bar order; `tab` is the icon's base name under
 * src/assets/tabbar/: `<tab>.png`, `<tab>-active.png`) and login.
 */
export const MAIN_PAGES = [
  { name: 'workbench', path: 'pages/workbench/index', tab: 'workbench' },
  { name: 'licences', path: 'pages/licences/index', tab: 'licences' },
  { name: 'inbox', path: 'pages/inbox/index', tab: 'inbox' },
  { name: 'me', path: 'pages/me/index', tab: 'me' },
  { name: 'login', path: 'pages/login/index' },
] as const satisfies readonly (ManifestPage & { tab?: string })[]

/** Every capability is a subpackage, so the main package stays far below WeChat's 2 MB limit. */
export const CAPABILITIES = [
  {
    root: 'packages/account',
    pages: [
      { name: 'privacy', path: 'pages/privacy/index' },
      { name: 'enterprise', path: 'pages/enterprise/index' },
      { name: 'enterpriseMembers', path: 'pages/members/index' },
      { name: 'notFound', path: 'pages/not-found/index' },
    ],
  },
  {
    root: 'packages/licences',
    pages: [
      { name: 'licenceDetail', path: 'pages/detail/index' },
      { name: 'licenceForm', path: 'pages/form/index' },
      { name: 'reminderSettings', path: 'pages/settings/index' },
      { name: 'licenceExport', path: 'pages/export/index' },
    ],
  },
  {
    root: 'packages/seals',
    pages: [
      { name: 'face', path: 'pages/face/index' },
      { name: 'seals', path: 'pages/seals/index' },
      { name: 'sign', path: 'pages/sign/index' },
      { name: 'verifySeal', path: 'pages/verify/index' },
      { name: 'signatureClaim', path: 'pages/signature/index' },
      { name: 'sealAudit', path: 'pages/audit/index' },
      { name: 'inviteAccept', path: 'pages/invite/index' },
      { name: 'sealReports', path: 'pages/reports/index' },
    ],
  },
  {
    root: 'packages/policies',
    pages: [
      { name: 'policies', path: 'pages/list/index' },
      { name: 'policyDetail', path: 'pages/detail/index' },
      { name: 'policyCalculator', path: 'pages/calculator/index' },
    ],
  },
  {
    root: 'packages/complaints',
    pages: [
      { name: 'complaintNew', path: 'pages/new/index' },
      { name: 'complaints', path: 'pages/list/index' },
      { name: 'complaintDetail', path: 'pages/detail/index' },
      { name: 'complaintQuery', path: 'pages/query/index' },
    ],
  },
  {
    root: 'packages/compliance',
    pages: [
      { name: 'compliance', path: 'pages/calendar/index' },
      { name: 'complianceDetail', path: 'pages/detail/index' },
      { name: 'complianceSettings', path: 'pages/settings/index' },
    ],
  },
] as const satisfies readonly Capability[]

type MainPage = (typeof MAIN_PAGES)[number]
type SubPage<C> = C extends { root: infer R extends string; pages: readonly (infer P)[] }
  ? P extends { name: infer N extends string; path: infer Q extends string }
    ? { name: N; route: `/${R}/${Q}` }
    : never
  : never
type AnyPage = { name: MainPage['name']; route: `/${MainPage['path']}` } | SubPage<(typeof CAPABILITIES)[number]>

/** Route name → absolute page path ('/packages/seals/pages/verify/index'), typed to the letter. */
export type RouteTable = { readonly [P in AnyPage as P['name']]: Extract<AnyPage, { name: P['name'] }>['route'] }

export type RouteName = keyof RouteTable

/** Each page's title (navigationBarTitleText; a tab's label too), by route name. */
export const TITLES: { readonly [N in RouteName]: string } = {
  workbench: '工作台',
  licences: '证照',
  inbox: '消息',
  me: '我的',
  login: '登录',
  privacy: '隐私政策',
  enterprise: '企业信息',
  enterpriseMembers: '企业成员',
  notFound: '页面不存在',
  licenceDetail: '证照详情',
  licenceForm: '登记证照',
  reminderSettings: '提醒设置',
  licenceExport: '订阅到日历',
  face: '刷脸办事',
  seals: '电子印章',
  sign: '扫码签章',
  verifySeal: '验章',
  signatureClaim: '个人电子签名',
  sealAudit: '用章记录',
  inviteAccept: '接受印章授权',
  sealReports: '用章报告',
  policies: '惠企政策',
  policyDetail: '政策详情',
  policyCalculator: '政策计算器',
  complaintNew: '提交诉求',
  complaints: '我的诉求',
  complaintDetail: '诉求详情',
  complaintQuery: '按查询码查询',
  compliance: '合规日历',
  complianceDetail: '期限详情',
  complianceSettings: '税务设置与处罚记录',
}

/** Every page as route name and absolute path, main package first, in app.json's order. */
export function manifestPages(): { name: RouteName; route: string }[] {
  return [
    ...MAIN_PAGES.map((page) => ({ name: page.name, route: `/${page.path}` })),
    ...CAPABILITIES.flatMap((capability) =>
      capability.pages.map((page) => ({ name: page.name, route: `/${capability.root}/${page.path}` })),
    ),
  ]
}

/** The route table: ROUTES of src/core/routes.ts. */
export function routeTable(): RouteTable {
  const table: Record<string, string> = {}
  for (const page of manifestPages()) table[page.name] = page.route
  return table as RouteTable
}

/**
 * A page's title, for its index.config.ts: `titleOf('packages/seals/pages/verify/index')`. Throws
 * on a page the manifest does not list, so a page config naming a wrong path fails the build.
 */
export function titleOf(path: string): string {
  const wanted = `/${path.replace(/^\/+/, '')}`
  const page = manifestPages().find((candidate) => candidate.route === wanted)
  if (!page) throw new Error(`src/domain/manifest.ts lists no page ${path}`)
  return TITLES[page.name]
}

/** The pages, subpackages and tab bar of app.json, as src/app.config.ts hands them to Taro. */
export function appPagesConfig() {
  return {
    pages: MAIN_PAGES.map((page) => page.path),
    subPackages: CAPABILITIES.map((capability) => ({
      root: capability.root,
      pages: capability.pages.map((page) => page.path),
    })),
    tabList: MAIN_PAGES.filter((page) => 'tab' in page).map((page) => {
      const icon = (page as { tab: string }).tab
      return {
        pagePath: page.path,
        text: TITLES[page.name],
        iconPath: `assets/tabbar/${icon}.png`,
        selectedIconPath: `assets/tabbar/${icon}-active.png`,
      }
    }),
  }
}
