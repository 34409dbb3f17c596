/**
 * The app's pages, in one place: for the main package its tab pages and login, and for each
 * capability its subpackage root and pages, each by its route name (src/core/routes.ts) and its folder; the
 * titles, by route name, and the app.json it generates are its build-time half,
 * src/domain/appManifest.ts (kept apart so the app's bundle carries no titles: see there). Pure
 * data — no Taro, no React. src/app.config.ts is generated from the two, ROUTES from this one.
 * Adding a page: its entry here, its title in TITLES (the type asks for one per route name), and
 * the page's index.tsx; the build gives the page its title (config/plugins/page-titles.ts), and an
 * index.config.ts is needed only for other settings, never the title.
 * tests/scripts/manifest.test.ts checks that every page folder is listed, every listed page exists
 * and no page config writes a title.
 *
 * Order matters: the first main page is what the app opens (config/index.ts HOME_ROUTE), and the
 * order of pages and subpackages is the order of app.json.
 */

/**
 * The main package, route name → page folder (`src/pages/<folder>/index`), in app.json's order:
 * the first is what the app opens.
 */
export const MAIN_PAGES = {
  workbench: 'workbench',
  licences: 'licences',
  inbox: 'inbox',
  me: 'me',
  login: 'login',
} as const

/** The tab bar, in order, by route name; a tab's icons are `src/assets/tabbar/<folder>(-active).png`. */
export const TABS = ['workbench', 'licences', 'inbox', 'me'] as const satisfies readonly (keyof typeof MAIN_PAGES)[]

/**
 * Every capability is a subpackage (root `packages/<folder>`, one folder of src/packages), so the
 * main package stays far below WeChat's 2 MB limit: its pages, route name → page folder
 * (`src/packages/<capability>/pages/<folder>/index`), in app.json's order.
 */
export const CAPABILITIES = {
  account: {
    privacy: 'privacy',
    enterprise: 'enterprise',
    enterpriseMembers: 'members',
    notFound: 'not-found',
  },
  licences: {
    licenceDetail: 'detail',
    licenceForm: 'form',
    reminderSettings: 'settings',
    licenceExport: 'export',
  },
  seals: {
    face: 'face',
    seals: 'seals',
    sign: 'sign',
    verifySeal: 'verify',
    signatureClaim: 'signature',
    sealAudit: 'audit',
    inviteAccept: 'invite',
    sealReports: 'reports',
  },
  policies: {
    policies: 'list',
    policyDetail: 'detail',
    policyCalculator: 'calculator',
  },
  complaints: {
    complaintNew: 'new',
    complaints: 'list',
    complaintDetail: 'detail',
    complaintQuery: 'query',
  },
  compliance: {
    compliance: 'calendar',
    complianceDetail: 'detail',
    complianceSettings: 'settings',
  },
} as const

type Main = typeof MAIN_PAGES
type Caps = typeof CAPABILITIES
type MainPage = { [N in keyof Main]: { name: N; route: `/pages/${Main[N]}/index` } }[keyof Main]
type SubPage = {
  [C in keyof Caps]: {
    [N in keyof Caps[C]]: { name: N; route: `/packages/${C}/pages/${Caps[C][N] & string}/index` }
  }[keyof Caps[C]]
}[keyof Caps]
type AnyPage = MainPage | SubPage

/** Route name → absolute page path ('/packages/seals/pages/verify/index'), typed to the letter. */
export type RouteTable = { readonly [P in AnyPage as P['name']]: P['route'] }

export type RouteName = keyof RouteTable

/** Every page as route name and absolute path, main package first, in app.json's order. */
export function manifestPages(): { name: RouteName; route: string }[] {
  const pages = (Object.keys(MAIN_PAGES) as (keyof Main)[]).map((name) => ({
    name: name as RouteName,
    route: `/pages/${MAIN_PAGES[name]}/index`,
  }))
  for (const root of Object.keys(CAPABILITIES) as (keyof Caps)[]) {
    const capability: Record<string, string> = CAPABILITIES[root]
    for (const name of Object.keys(capability)) {
      pages.push({ name: name as RouteName, route: `/packages/${root}/pages/${capability[name]}/index` })
    }
  }
  return pages
}

/** The route table: ROUTES of src/core/routes.ts. */
export function routeTable(): RouteTable {
  const table: Record<string, string> = {}
  for (const page of manifestPages()) table[page.name] = page.route
  return table as RouteTable
}
