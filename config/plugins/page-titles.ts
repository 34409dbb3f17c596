// A Taro plugin that gives every page its title (navigationBarTitleText) from the manifest, so a
// page's title is written once, in TITLES of src/domain/appManifest.ts, and a page needs an
// index.config.ts only for settings other than its title (a page without one is fine: Taro reads
// a missing page config as {}). Nothing of this reaches the app's bundle: the titles are read
// here, in the build's process, not imported by any file Taro compiles as an entry.
//   - WeChat and Alipay: ctx.modifyMiniConfigs, Taro's hook over the page configs it is about to
//     write as each page's .json (Alipay's own rename of navigationBarTitleText to defaultTitle
//     runs after it). The title is put first, where the page configs used to write it, so the
//     .json files are the bytes they were.
//   - H5: Taro's H5 entry builds its route list from each page's config file and has no hook over
//     it; its framework plugin's loaderMeta.execBeforeCreateWebApp is code the entry runs after
//     building the list and before creating the app and router: the titles go on the routes
//     there (each route object ends with the keys, in the order, its config file used to give).
// Built before and after (2026-12-05): every page .json of weapp and alipay and the H5 route list
// byte-identical. tests/scripts/page-titles.test.ts runs both halves; scripts/output-check.ts
// checks every built page .json of weapp and alipay against TITLES.
import path from 'node:path'
import { requireWithEsbuild } from '@tarojs/helper'
import type { IPluginContext } from '@tarojs/service'
import type { titlesByPage } from '../../src/domain/appManifest'

/**
 * The manifest's build-time half. Read with esbuild, as Taro reads app.config.ts: Taro's
 * TypeScript hook for the config covers config/ only, so a plain import of src/ would not load.
 */
const APP_MANIFEST = path.join(__dirname, '../../src/domain/appManifest.ts')

/** This file, for config/index.ts's `plugins` (see ARIA_TEMPLATES_PLUGIN in ./aria-templates.ts). */
export const PAGE_TITLES_PLUGIN = __filename

/** Page path as app.json lists it ('packages/seals/pages/verify/index') → its title. */
export function pageTitles(): Record<string, string> {
  const manifest = requireWithEsbuild(APP_MANIFEST, {
    customSwcConfig: { jsc: { target: 'es2015' }, module: { type: 'commonjs' } },
  }) as { titlesByPage: typeof titlesByPage }
  return manifest.titlesByPage()
}

/** Taro's page and component configs by name ('pages/workbench/index.config'), as modifyMiniConfigs hands them. */
export type MiniConfigMap = Record<string, { content: Record<string, unknown>; path: string }>

/**
 * Puts each page's title first in its config. Fails the build (fail closed) when a manifest page
 * has no config entry (Taro did not build it) or when a page config writes a title of its own:
 * the manifest is the one place for it.
 */
export function applyMiniPageTitles(configMap: MiniConfigMap, titles: Record<string, string>): void {
  for (const page of Object.keys(titles)) {
    const entry = configMap[`${page}.config`]
    if (!entry) throw new Error(`page-titles: Taro built no page ${page} (listed in src/domain/manifest.ts)`)
    if ('navigationBarTitleText' in entry.content) {
      throw new Error(
        `page-titles: ${entry.path} sets navigationBarTitleText; a page's title is written in TITLES of src/domain/appManifest.ts only`,
      )
    }
    entry.content = { navigationBarTitleText: titles[page], ...entry.content }
  }
}

/**
 * The code Taro's H5 entry runs after `config.routes = [...]` (each route
 * `Object.assign({ path, load }, <page config>)`) and before the router reads them: each route
 * gains its title, after path and load, before the rest of its page config — the object the
 * page's config file used to give. ES5: it runs in the app entry before any polyfill.
 */
export function h5RouteTitlesScript(titles: Record<string, string>): string {
  return `;(function (titles) {
  config.routes = config.routes.map(function (route) {
    var title = titles[route.path]
    return typeof title === 'string' ? Object.assign({ path: route.path, load: route.load, navigationBarTitleText: title }, route) : route
  })
})(${JSON.stringify(titles)})
`
}

interface LoaderMeta {
  execBeforeCreateWebApp?: string
}

export default (ctx: IPluginContext) => {
  const platform = process.env.TARO_ENV
  if (platform === 'h5') {
    ctx.modifyWebpackChain(({ chain }) => {
      // mainPlugin is Taro's H5 plugin; its loaderMeta reaches the entry loader (@tarojs/taro-loader/lib/h5).
      chain.plugin('mainPlugin').tap((args: { loaderMeta?: LoaderMeta }[]) => {
        const loaderMeta = (args[0].loaderMeta = args[0].loaderMeta ?? {})
        loaderMeta.execBeforeCreateWebApp =
          (loaderMeta.execBeforeCreateWebApp ?? '') + h5RouteTitlesScript(pageTitles())
        return args
      })
    })
    return
  }
  ctx.modifyMiniConfigs(({ configMap }) => {
    applyMiniPageTitles(configMap as unknown as MiniConfigMap, pageTitles())
  })
}
