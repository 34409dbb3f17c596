/**
 * The app's pages, in one place: for the main package its tab pages and login, and for each
 * capability its subpackage root and pages, each with its route name (src/core/routes.ts) and its
 * title (the page's navigationBarTitleText). Pure data — no Taro, no React — because the build
 * evaluates it too: src/app.config.ts is generated from it, and each page's index.config.ts takes
 * its title from it. Adding a page is one edit here plus the page's folder;
 * tests/scripts/manifest.test.ts checks that every page folder is listed and every listed page exists.
 *
 * Order matters: the first main page is what the app opens (config/index.ts HOME_ROUTE), and the
 * order of pages and subpackages is the order of app.json.
 */

export interface ManifestPage {
  /** The route's name in ROUTES (src/core/routes.ts). */
  readonly name: string
  /** The page's path inside its package, as app.json lists it ('pages/list/index'). */
  readonly path: string
  /** navigationBarTitleText: the mini-programs' navigation bar, H5's own title bar. */
  readonly title: string
}

export interface ManifestTab {
  /** The tab bar's label. */
  readonly text: string
  /** The icon's base name under src/assets/tabbar/ (`<icon>.png`, `<icon>-active.png`). */
  readonly icon: string
}

export interface Capability {
  /** The subpackage root, 'packages/<folder>': one folder under src/packages. */
  readonly root: string
  readonly pages: readonly ManifestPage[]
}

/** The main package: the tab pages (in tab-bar order, with their tab) and login. */
export const MAIN_PAGES = [
  { name: 'workbench', path: 'pages/workbench/index', title: '工作台', tab: { text: '工作台', icon: 'workbench' } },
  { name: 'licences', path: 'pages/licences/index', title: '证照', tab: { text: '证照', icon: 'licences' } },
  { name: 'inbox', path: 'pages/inbox/index', title: '消息', tab: { text: '消息', icon: 'inbox' } },
  { name: 'me', path: 'pages/me/index', title: '我的', tab: { text: '我的', icon: 'me' } },
  { name: 'login', path: 'pages/login/index', title: '登录' },
] as const satisfies readonly (ManifestPage & { tab?: ManifestTab })[]

/** Every capability is a subpackage, so the main package stays far below WeChat's 2 MB limit. */
export const CAPABILITIES = [
  {
    root: 'packages/account',
    pages: [
      { name: 'privacy', path: 'pages/privacy/index', title: '隐私政策' },
      { name: 'enterprise', path: 'pages/enterprise/index', title: '企业信息' },
      { name: 'enterpriseMembers', path: 'pages/members/index', title: '企业成员' },
      { name: 'notFound', path: 'pages/not-found/index', title: '页面不存在' },
    ],
  },
  {
    root: 'packages/licences',
    pages: [
      { name: 'licenceDetail', path: 'pages/detail/index', title: '证照详情' },
      { name: 'licenceForm', path: 'pages/form/index', title: '登记证照' },
      { name: 'reminderSettings', path: 'pages/settings/index', title: '提醒设置' },
      { name: 'licenceExport', path: 'pages/export/index', title: '订阅到日历' },
    ],
  },
  {
    root: 'packages/seals',
    pages: [
      { name: 'face', path: 'pages/face/index', title: '刷脸办事' },
      { name: 'seals', path: 'pages/seals/index', title: '电子印章' },
      { name: 'sign', path: 'pages/sign/index', title: '扫码签章' },
      { name: 'verifySeal', path: 'pages/verify/index', title: '验章' },
      { name: 'signatureClaim', path: 'pages/signature/index', title: '个人电子签名' },
      { name: 'sealAudit', path: 'pages/audit/index', title: '用章记录' },
      { name: 'inviteAccept', path: 'pages/invite/index', title: '接受印章授权' },
      { name: 'sealReports', path: 'pages/reports/index', title: '用章报告' },
    ],
  },
  {
    root: 'packages/policies',
    pages: [
      { name: 'policies', path: 'pages/list/index', title: '惠企政策' },
      { name: 'policyDetail', path: 'pages/detail/index', title: '政策详情' },
      { name: 'policyCalculator', path: 'pages/calculator/index', title: '政策计算器' },
    ],
  },
  {
    root: 'packages/complaints',
    pages: [
      { name: 'complaintNew', path: 'pages/new/index', title: '提交诉求' },
      { name: 'complaints', path: 'pages/list/index', title: '我的诉求' },
      { name: 'complaintDetail', path: 'pages/detail/index', title: '诉求详情' },
      { name: 'complaintQuery', path: 'pages/query/index', title: '按查询码查询' },
    ],
  },
  {
    root: 'packages/compliance',
    pages: [
      { name: 'compliance', path: 'pages/calendar/index', title: '合规日历' },
      { name: 'complianceDetail', path: 'pages/detail/index', title: '期限详情' },
      { name: 'complianceSettings', path: 'pages/settings/index', title: '税务设置与处罚记录' },
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

/** Every page as [route name, absolute path, title], main package first, in app.json's order. */
export function manifestPages(): { name: string; route: string; title: string }[] {
  return [
    ...MAIN_PAGES.map((page) => ({ name: page.name, route: `/${page.path}`, title: page.title })),
    ...CAPABILITIES.flatMap((capability) =>
      capability.pages.map((page) => ({
        name: page.name,
        route: `/${capability.root}/${page.path}`,
        title: page.title,
      })),
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
  return page.title
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
      const tab = (page as { tab: ManifestTab }).tab
      return {
        pagePath: page.path,
        text: tab.text,
        iconPath: `assets/tabbar/${tab.icon}.png`,
        selectedIconPath: `assets/tabbar/${tab.icon}-active.png`,
      }
    }),
  }
}
