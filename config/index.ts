import type { UserConfigExport } from '@tarojs/cli'
import { apiBaseFor } from './apiBase'
import { ARIA_TEMPLATES_PLUGIN } from './plugins/aria-templates'
import { PAGE_TITLES_PLUGIN } from './plugins/page-titles'
import { RoutePreloadPlugin } from './plugins/routePreload'
import { remScript } from './remScript'

// A plain exported function (not defineConfig from '@tarojs/cli', which loads the native binding
// in every process that reads this file). See docs/toolchain.md.
const platform = process.env.TARO_ENV ?? 'h5'

// The API base per build (./apiBase): same origin on H5, the local server in development
// mini-program builds; a release build (ZQT_RELEASE=1, `npm run release:<platform>`) refuses to
// build without an https API_BASE_URL on a domain.
const apiBase = apiBaseFor({
  platform,
  release: process.env.ZQT_RELEASE === '1',
  apiBaseUrl: process.env.API_BASE_URL,
})

// Packages shipped as ES2019+ source (query-string 9 and its helpers, used by Taro's H5 router):
// Babel lowers them like our own code, so the H5 output stays within what iOS 12 runs
// (scripts/output-check.ts).
const ESNEXT_PACKAGES = /[\\/]node_modules[\\/](query-string|decode-uri-component|split-on-first|filter-obj)[\\/]/

/** The first page of src/app.config.ts: what the H5 address "/" opens. */
export const HOME_ROUTE = 'pages/workbench/index'

export default function config(): UserConfigExport<'webpack5'> {
  return {
    projectName: 'zhengqitong',
    date: '2026-11-22',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    // ariaRole / ariaLabel reach the WeChat and Alipay templates (./plugins/aria-templates.ts);
    // every page's title comes from the manifest (./plugins/page-titles.ts).
    plugins: [...(platform === 'weapp' || platform === 'alipay' ? [ARIA_TEMPLATES_PLUGIN] : []), PAGE_TITLES_PLUGIN],
    // UTF-8 output: Taro's default escapes every non-ASCII character (ascii_only), and each Chinese
    // character of the UI text cost 6 bytes (\uXXXX) instead of 3. The platforms read their code
    // as UTF-8 (app.json and the templates hold Chinese too); terser still escapes lone
    // surrogates and U+2028/U+2029. The rest of Taro's terser options stand (docs/toolchain.md).
    ...(platform === 'weapp' || platform === 'alipay'
      ? { terser: { enable: true, config: { output: { ascii_only: false } } } }
      : {}),
    defineConstants: {
      'process.env.TARO_APP_API_BASE': JSON.stringify(apiBase),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: process.env.TARO_CACHE === '1' },
    mini: {
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile: { include: [(filename: string) => ESNEXT_PACKAGES.test(filename)] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // The root font size from the viewport's width only (./remScript: Taro's own script shrinks it
      // while the page loads, then the whole page grows 10 % — Lighthouse CLS 0.36 on 惠企政策).
      htmlPluginOption: { script: remScript() },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        // Taro splits only the initial chunks, so every page's chunk carried its own copy of what
        // pages share (Taro's components alone are ~47 KB minified in each of 26 pages). Split the
        // async page chunks as well: shared code is fetched once and cached (immutable) across
        // pages; pieces under 20 KB stay inline, not a request of their own.
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all', minSize: 20000 })
        // The opened page's chunks download beside app.js, not after it (./plugins/routePreload.ts).
        chain.plugin('routePreload').use(RoutePreloadPlugin, [HOME_ROUTE, '/'])
      },
      devServer: { host: '127.0.0.1', port: 10087, proxy: { '/api': 'http://127.0.0.1:10086' } },
    },
  }
}
