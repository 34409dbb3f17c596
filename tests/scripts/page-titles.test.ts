// config/plugins/page-titles.ts against what Taro does with it: the page configs as Taro's mini
// build reads them (its modifyMiniConfigs map), and the code Taro's H5 entry loader
// (@tarojs/taro-loader/lib/h5) generates around the plugin's part, run on the real page configs.
import { createRequire } from 'node:module'
import path from 'node:path'
import Config from 'webpack-chain'
import type { IPluginContext } from '@tarojs/service'
import plugin, {
  applyMiniPageTitles,
  h5RouteTitlesScript,
  pageTitles,
  type MiniConfigMap,
} from '../../config/plugins/page-titles'
import { titlesByPage } from '../../src/domain/appManifest'

const SRC = path.join(__dirname, '../../src')
const { readConfig, resolveMainFilePath } = jest.requireActual('@tarojs/helper') as {
  readConfig(file: string, options: Record<string, unknown>): Record<string, unknown>
  resolveMainFilePath(file: string): string
}
const PAGES = Object.keys(titlesByPage())

/** A page's config file as Taro resolves it (the path without extension when there is none). */
const configPathOf = (page: string) => resolveMainFilePath(path.join(SRC, `${page}.config`))
const pageConfig = (page: string, platform: string) =>
  readConfig(configPathOf(page), { defineConstants: { 'process.env.TARO_ENV': JSON.stringify(platform) } })

/** The map Taro's MiniPlugin hands modifyMiniConfigs: every page's config read from its file, and the app's. */
function miniConfigMap(platform: string): MiniConfigMap {
  const map: MiniConfigMap = { 'app.config': { content: { pages: [] }, path: path.join(SRC, 'app.config.ts') } }
  for (const page of PAGES) map[`${page}.config`] = { content: pageConfig(page, platform), path: configPathOf(page) }
  return map
}

function withPlatform<T>(platform: string, run: () => T): T {
  const before = process.env.TARO_ENV
  process.env.TARO_ENV = platform
  try {
    return run()
  } finally {
    if (before === undefined) delete process.env.TARO_ENV
    else process.env.TARO_ENV = before
  }
}

function fakeContext() {
  const hooks: {
    miniConfigs: ((args: { configMap: unknown }) => void)[]
    chains: ((args: { chain: Config }) => void)[]
  } = { miniConfigs: [], chains: [] }
  const ctx = {
    modifyMiniConfigs: (fn: (args: { configMap: unknown }) => void) => hooks.miniConfigs.push(fn),
    modifyWebpackChain: (fn: (args: { chain: Config }) => void) => hooks.chains.push(fn),
  }
  return { ctx: ctx as unknown as IPluginContext, hooks }
}

describe('page titles from the manifest (config/plugins/page-titles.ts)', () => {
  test('reads the titles from src/domain/appManifest.ts as the build does (esbuild, not the test transform)', () => {
    expect(pageTitles()).toEqual(titlesByPage())
    expect(PAGES).toHaveLength(31)
  })

  test.each(['weapp', 'alipay'])(
    '%s: each page config gets its title first, before the settings its file gives; the app config is left alone',
    (platform) => {
      const { ctx, hooks } = fakeContext()
      withPlatform(platform, () => plugin(ctx))
      expect(hooks.chains).toHaveLength(0)
      const map = miniConfigMap(platform)
      for (const hook of hooks.miniConfigs) hook({ configMap: map })
      expect(hooks.miniConfigs).toHaveLength(1)

      const titles = titlesByPage()
      for (const page of PAGES) {
        // What the page's config file held when it wrote the title itself, as the .json is written.
        const expected = { navigationBarTitleText: titles[page], ...pageConfig(page, platform) }
        expect({ page, json: JSON.stringify(map[`${page}.config`].content) }).toEqual({
          page,
          json: JSON.stringify(expected),
        })
      }
      expect(map['packages/seals/pages/verify/index.config'].content).toEqual({ navigationBarTitleText: '验章' })
      expect(map['pages/workbench/index.config'].content).toEqual({
        navigationBarTitleText: '工作台',
        enablePullDownRefresh: true,
      })
      expect(map['app.config'].content).toEqual({ pages: [] })
    },
  )

  test('the mini build fails when a page config writes a title of its own, or a manifest page was not built', () => {
    const withOwnTitle = miniConfigMap('weapp')
    withOwnTitle['pages/me/index.config'].content = { navigationBarTitleText: '我的' }
    expect(() => applyMiniPageTitles(withOwnTitle, titlesByPage())).toThrow(/sets navigationBarTitleText/)

    const missing = miniConfigMap('weapp')
    delete missing['packages/seals/pages/verify/index.config']
    expect(() => applyMiniPageTitles(missing, titlesByPage())).toThrow(/no page packages\/seals\/pages\/verify\/index/)
  })

  test("h5: the plugin adds its part to the H5 entry's code before the app and router are created", () => {
    const { ctx, hooks } = fakeContext()
    withPlatform('h5', () => plugin(ctx))
    expect(hooks.miniConfigs).toHaveLength(0)
    const chain = new Config()
    const framework = 'Object.assign(ReactDOM, { findDOMNode, render, unstable_batchedUpdates })\n'
    class MainPlugin {
      constructor(readonly options: { loaderMeta: { execBeforeCreateWebApp: string } }) {}
    }
    chain.plugin('mainPlugin').use(MainPlugin, [{ loaderMeta: { execBeforeCreateWebApp: framework } }])
    for (const hook of hooks.chains) hook({ chain })
    const [options] = chain.plugin('mainPlugin').get('args') as { loaderMeta: { execBeforeCreateWebApp: string } }[]
    expect(options.loaderMeta.execBeforeCreateWebApp).toBe(framework + h5RouteTitlesScript(titlesByPage()))
  })

  test('h5: the routes of the entry Taro generates get their titles, the object each page config used to give', () => {
    // Taro's H5 entry loader, on the real page configs (a page without one reads as {}).
    const entryLoader = jest.requireActual('@tarojs/taro-loader/lib/h5').default as (this: unknown) => string
    const options = {
      entryFileName: 'app',
      filename: 'app',
      runtimePath: [],
      sourceDir: SRC,
      config: { router: { mode: 'hash' }, pages: PAGES },
      loaderMeta: {
        importFrameworkStatement: '',
        extraImportForWeb: '',
        creator: 'createReactApp',
        creatorLocation: 'x',
        frameworkArgs: 'React, ReactDOM, config',
        importFrameworkName: 'React',
        execBeforeCreateWebApp: h5RouteTitlesScript(titlesByPage()),
      },
      pages: PAGES.map((page) => [page, configPathOf(page)]),
      pxTransformConfig: { designWidth: 750, deviceRatio: {} },
      defineConstants: { 'process.env.TARO_ENV': JSON.stringify('h5') },
    }
    const code = entryLoader.call({
      getOptions: () => options,
      resourcePath: path.join(SRC, 'app.config.ts'),
      context: SRC,
      mode: 'production',
      utils: { contextify: (_context: string, request: string) => request },
    })
    // From the config object to just before the app is created: the route list, then our part.
    const start = code.indexOf('var config = ')
    const end = code.indexOf('var inst = ')
    expect(start).toBeGreaterThanOrEqual(0)
    expect(end).toBeGreaterThan(code.indexOf(h5RouteTitlesScript(titlesByPage())))
    const window: Record<string, unknown> = {}
    const config = new Function('window', `${code.slice(start, end)}\nreturn config`)(window) as {
      routes: Record<string, unknown>[]
    }

    const titles = titlesByPage()
    expect(config.routes.map((route) => route.path)).toEqual(PAGES)
    for (const route of config.routes) {
      const page = route.path as string
      expect(typeof route.load).toBe('function')
      const expected = { path: page, load: route.load, navigationBarTitleText: titles[page], ...pageConfig(page, 'h5') }
      expect({ page, keys: Object.keys(route) }).toEqual({ page, keys: Object.keys(expected) })
      expect(route).toEqual(expected)
    }
    expect((window.__taroAppConfig as { routes: unknown[] }).routes).toBe(config.routes)
  })

  test('h5: the part is ES5, for the entry runs it before any polyfill', () => {
    const require = createRequire(__filename)
    const acorn = require(require.resolve('acorn', { paths: [path.dirname(require.resolve('es-check'))] })) as {
      parse(code: string, options: Record<string, unknown>): unknown
    }
    const script = h5RouteTitlesScript(titlesByPage())
    expect(() => acorn.parse(`var config = { routes: [] }\n${script}`, { ecmaVersion: 5 })).not.toThrow()
  })
})
