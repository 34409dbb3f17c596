import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { readConfig } from '@tarojs/helper'
import { ROUTES, TAB_ROUTES } from '../../src/core/routes'
import { LINKED_PAGES } from '../../src/domain/links'
import { appPagesConfig, TITLES, titlesByPage } from '../../src/domain/appManifest'
import { CAPABILITIES, MAIN_PAGES, manifestPages } from '../../src/domain/manifest'

const SRC = path.join(__dirname, '../../src')
const dirs = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
    : []

/** Every page on disk: a folder holding index.tsx under src/pages or src/packages/<x>/pages. */
function pagesOnDisk(): string[] {
  const main = dirs(path.join(SRC, 'pages')).map((name) => `pages/${name}/index`)
  const sub = dirs(path.join(SRC, 'packages')).flatMap((area) =>
    dirs(path.join(SRC, 'packages', area, 'pages')).map((name) => `packages/${area}/pages/${name}/index`),
  )
  return [...main, ...sub]
}

/** A config file as Taro's build reads it (esbuild-bundled, so its imports are followed). */
const asBuilt = (file: string, platform: string) =>
  readConfig(file, { defineConstants: { 'process.env.TARO_ENV': JSON.stringify(platform) } }) as Record<string, any>

describe('src/domain/manifest.ts', () => {
  test('lists every page folder, and every page it lists exists', () => {
    const listed = manifestPages().map((page) => page.route.slice(1))
    expect([...listed].sort()).toEqual(pagesOnDisk().sort())
    expect(new Set(listed).size).toBe(listed.length)
    for (const page of listed) {
      expect([page, existsSync(path.join(SRC, `${page}.tsx`))]).toEqual([page, true])
    }
  })

  test('has one capability per folder of src/packages, and each page one route name', () => {
    expect(Object.keys(CAPABILITIES).sort()).toEqual(dirs(path.join(SRC, 'packages')).sort())
    const names = manifestPages().map((page) => page.name)
    expect(new Set(names).size).toBe(names.length)
    expect(Object.keys(ROUTES).sort()).toEqual([...names].sort())
    expect(Object.keys(TITLES).sort()).toEqual([...names].sort())
  })

  test('is the one place a title is written: no page config, as the build reads it, sets one', () => {
    // config/plugins/page-titles.ts gives every page its title from TITLES; a page's own
    // index.config.ts (only for other settings: pull-down refresh, sharing) writes none.
    const withTitle: string[] = []
    for (const page of manifestPages()) {
      const file = path.join(SRC, `${page.route.slice(1)}.config.ts`)
      if (!existsSync(file)) continue
      for (const platform of ['weapp', 'alipay', 'h5']) {
        if ('navigationBarTitleText' in asBuilt(file, platform)) withTitle.push(`${page.route} (${platform})`)
      }
    }
    expect(withTitle).toEqual([])
  })

  test('gives every page a title, by the path app.json lists it under', () => {
    const titles = titlesByPage()
    expect(Object.keys(titles)).toEqual(manifestPages().map((page) => page.route.slice(1)))
    for (const page of manifestPages()) expect(titles[page.route.slice(1)]).toBe(TITLES[page.name])
    expect(Object.values(titles).filter((title) => !title.trim())).toEqual([])
    expect(titles['packages/seals/pages/verify/index']).toBe('验章')
  })

  test.each(['weapp', 'alipay', 'h5'])('src/app.config.ts (%s) is generated from it', (platform) => {
    const config = asBuilt(path.join(SRC, 'app.config.ts'), platform)
    const generated = appPagesConfig()
    expect(config.pages).toEqual(generated.pages)
    expect(config.subPackages).toEqual(generated.subPackages)
    expect(config.tabBar.list).toEqual(generated.tabList)
    expect(config.pages[0]).toBe(`pages/${Object.values(MAIN_PAGES)[0]}/index`)
    for (const tab of generated.tabList) {
      expect(existsSync(path.join(SRC, tab.iconPath))).toBe(true)
      expect(existsSync(path.join(SRC, tab.selectedIconPath))).toBe(true)
    }
  })

  test('the route table and tab routes come from it; deep links name manifest pages', () => {
    expect(ROUTES.verifySeal).toBe('/packages/seals/pages/verify/index')
    expect(ROUTES.workbench).toBe('/pages/workbench/index')
    expect(TAB_ROUTES).toEqual([
      '/pages/workbench/index',
      '/pages/licences/index',
      '/pages/inbox/index',
      '/pages/me/index',
    ])
    for (const [name, page] of Object.entries(LINKED_PAGES)) {
      expect({ name, route: (ROUTES as Record<string, string>)[name] }).toEqual({ name, route: `/${page}` })
    }
  })
})
