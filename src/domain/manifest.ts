/**
 * The app's pages, in one place: for the main package its tab pages and login, and for each
 * capability its subpackage root and pages, each with its route name (src/core/routes.ts); the
 * titles, by route name, and the app.json it generates are its build-time half,
 * src/domain/appManifest.ts (kept apart so the app's bundle carries no titles: see there). Pure
 * data — no Taro, no React. src/app.config.ts is generated from the two, ROUTES from this one.
 * Adding a page: its entry here, its title in TITLES (the type asks for one per route name), and
 * the page's folder; tests/scripts/manifest.test.ts checks that every page folder is listed, every
 * listed page exists and its index.config.ts carries the title.
 *
 * Order matters: the first main page is what the app opens (config/index.ts HOME_ROUTE), and the
 * order of pages and subpackages is the order of app.json.
 */

export interface ManifestPage {
  /** The route's name in ROUTES (src/core/routes.ts) and TITLES (appManifest.ts). */
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
