import { CAPABILITIES, MAIN_PAGES, manifestPages, TABS, type RouteName } from './manifest'

/**
 * The build-time half of the page manifest (src/domain/manifest.ts): the titles, and the pages /
 * subpackages / tab bar of app.json. Only src/app.config.ts imports this file (tests aside). Taro
 * compiles every config file as a webpack entry before dropping its chunk, so what a config file
 * imports is "used": a module several page configs shared would be split into common.js and ship
 * in the main package. Imported by app.config.ts alone, this one stays in that dropped chunk — the
 * app carries none of these titles. The pages' titles are given at build time by
 * config/plugins/page-titles.ts (each page's .json on WeChat and Alipay, the route list on H5):
 * a page's index.config.ts, if it has one, writes no title.
 */

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

/** A page's title by its path ('packages/seals/pages/verify/index'); throws on a page not listed. */
export function titleOf(path: string): string {
  const wanted = `/${path.replace(/^\/+/, '')}`
  const page = manifestPages().find((candidate) => candidate.route === wanted)
  if (!page) throw new Error(`src/domain/manifest.ts lists no page ${path}`)
  return TITLES[page.name]
}

/**
 * Every page's title by its path as app.json lists it ('packages/seals/pages/verify/index'): the
 * build gives each page its navigationBarTitleText from this (config/plugins/page-titles.ts).
 */
export function titlesByPage(): Record<string, string> {
  const titles: Record<string, string> = {}
  for (const page of manifestPages()) titles[page.route.slice(1)] = TITLES[page.name]
  return titles
}

/** The pages, subpackages and tab bar of app.json, as src/app.config.ts hands them to Taro. */
export function appPagesConfig() {
  const page = (folder: string) => `pages/${folder}/index`
  return {
    pages: Object.values(MAIN_PAGES).map(page),
    subPackages: (Object.keys(CAPABILITIES) as (keyof typeof CAPABILITIES)[]).map((root) => ({
      root: `packages/${root}`,
      pages: Object.values(CAPABILITIES[root] as Record<string, string>).map(page),
    })),
    tabList: TABS.map((name) => ({
      pagePath: page(MAIN_PAGES[name]),
      text: TITLES[name],
      iconPath: `assets/tabbar/${MAIN_PAGES[name]}.png`,
      selectedIconPath: `assets/tabbar/${MAIN_PAGES[name]}-active.png`,
    })),
  }
}
